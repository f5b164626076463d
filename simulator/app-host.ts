import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { contentTypeOf } from "./content-type";
import { safeDecode } from "./url";

/**
 * Hosts the built Remix app (build/) in this process for the demo and the tests: the same request
 * handler `remix-serve` runs in production, behind a plain node:http server. The listener starts
 * before the app is loaded because the app's environment needs the simulated shop's URL, and the
 * simulated shop needs the app's URL.
 */
export async function listenForApp(port = 0) {
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server: Server = createServer((req, res) => {
    if (!handler) {
      res.writeHead(503, { "Retry-After": "1" }).end("Starting");
      return;
    }
    handler(req, res).catch((error) => {
      console.error("[app]", error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /**
     * Loads build/server/index.js (after process.env is set) and starts answering. The library
     * lets only Shopify's admin origins frame the app (Content-Security-Policy frame-ancestors,
     * on pages and on its auth bounces alike); `frameAncestor` adds the simulated admin's origin.
     */
    async load(buildDir: string, options: { frameAncestor?: string } = {}) {
      const build = (await import(pathToFileURL(join(buildDir, "server/index.js")).href)) as ServerBuild;
      const remix = createRequestHandler(build, "production");
      const clientDir = join(buildDir, "client");
      handler = async (req, res) => {
        if (safeDecode(new URL(req.url ?? "/", url).pathname) === null) return void res.writeHead(400, { "Content-Type": "text/plain" }).end("Malformed URL");
        if (serveStatic(clientDir, req, res)) return;
        const response = await remix(toRequest(req, url));
        if (options.frameAncestor) allowFraming(response.headers, new URL(options.frameAncestor).origin);
        await sendResponse(req, res, response);
      };
    },
    async stop() {
      // The app's jobs stop with it, before a test drops the database under it. One app runs per
      // process (its modules load once), and a stopped engine stays stopped.
      await globalThis.harborJobs?.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

export type AppHost = Awaited<ReturnType<typeof listenForApp>>;

function allowFraming(headers: Headers, origin: string) {
  const csp = headers.get("Content-Security-Policy");
  if (csp?.startsWith("frame-ancestors ")) headers.set("Content-Security-Policy", csp.replace("frame-ancestors ", `frame-ancestors ${origin} `));
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  // The library answers bots with 410 and counts headless Chromium among them; the demo is
  // meant to be tried in headless browsers too, so they are shown what a person sees.
  const agent = headers.get("user-agent");
  if (agent) headers.set("user-agent", agent.replace("HeadlessChrome", "Chrome"));
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Node's fetch needs this for a streamed request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** How long, and how much, the host keeps reading a body the app answered before reading it all. */
const LINGER = { ms: 2_000, bytes: 32 * 1024 * 1024 };

/**
 * The app answers some requests before reading their body (a refusal: too large, bad token, rate
 * limited). Closing the socket at once while the client still sends makes the kernel reset it,
 * and the reset can swallow the answer before the client reads it; so the host reads on and
 * discards (never buffers), for a bounded time and size, then drops the connection.
 */
function discardRest(req: IncomingMessage) {
  let discarded = 0;
  const drop = () => req.socket.destroy();
  const timer = setTimeout(drop, LINGER.ms);
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  // The app's body stream is abandoned; its listener would queue what arrives.
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > LINGER.bytes) drop();
  });
  req.resume();
}

async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response) {
  const early = !req.complete && req.method !== "GET" && req.method !== "HEAD";
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // Node closes a "Connection: close" socket as soon as the answer is sent: see discardRest.
    if (name !== "set-cookie" && !(early && name === "connection")) headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (early) discardRest(req);
  if (!response.body) return void res.end();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

function serveStatic(clientDir: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = safeDecode(new URL(req.url ?? "/", "http://app").pathname) ?? "/";
  if (path === "/" || path.endsWith("/")) return false;
  const file = normalize(join(clientDir, path));
  if (!file.startsWith(clientDir) || !existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    "Content-Type": contentTypeOf(file),
    // Vite fingerprints everything under /assets.
    "Cache-Control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return true;
}
