// Builds the storefront block scripts (storefront/src/<block>.ts) into the theme app extension's
// assets/<block>.js: bundled with the shared core, minified, one IIFE each, no source maps.
// `npm run build:storefront` writes them and prints their sizes; tests/unit/storefront-build.test.ts
// builds in memory and fails when the committed assets differ.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BLOCKS = ["order-tracking", "returns", "faq", "contact", "help-launcher"];
export const assetPath = (block) => `${root}extensions/harbor-support-theme/assets/${block}.js`;

/** Every block's built script, in memory: [{ block, path, text }]. */
export async function buildStorefront() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(BLOCKS.map((b) => [b, `storefront/src/${b}.ts`])),
    tsconfig: "storefront/tsconfig.json",
    outdir: "extensions/harbor-support-theme/assets",
    bundle: true,
    minify: true,
    format: "iife",
    // Browsers that run custom elements and optional chaining natively: no down-levelling helpers.
    target: "es2020",
    legalComments: "none",
    charset: "utf8",
    banner: { js: "// Built from storefront/src by npm run build:storefront: edit the TypeScript, not this file." },
    write: false,
    logLevel: "silent",
  });
  return BLOCKS.map((block) => {
    const file = result.outputFiles.find((f) => f.path === assetPath(block));
    return { block, path: file.path, text: file.text };
  });
}

/** Raw and gzipped (zlib level 9) bytes. */
export const sizes = (text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const { block, path, text } of await buildStorefront()) {
    const { raw, gzip } = sizes(text);
    const current = readFileSync(path, "utf8");
    if (check) stale += current !== text;
    else if (current !== text) writeFileSync(path, text);
    console.log(`${`${block}.js`.padEnd(20)} ${String(raw).padStart(6)} B  ${String(gzip).padStart(5)} B gzip${check && current !== text ? "  OUT OF DATE" : ""}`);
  }
  if (stale) {
    console.error(`${stale} built asset(s) differ from storefront/src: run npm run build:storefront`);
    process.exit(1);
  }
}
