import { extname } from "node:path";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
};

/** The Content-Type for a static file served by the simulated shop or the demo's app host. */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file)] ?? "application/octet-stream";
}
