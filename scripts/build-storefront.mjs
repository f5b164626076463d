// Builds the storefront blocks from storefront/src into the theme app extension's assets/ (same
// file names, so the blocks' schemas and Liquid never change):
// - assets/<block>.js from storefront/src/<block>.ts: bundled with the shared core, minified, one
//   IIFE each, no source maps.
// - assets/<block>.css from storefront/src/styles/<block>.css: its @import "./shared/…" partials are
//   nested in the block's element (`&` is the block), so each stylesheet keeps its own selectors and
//   the rules the blocks share are written once.
// `npm run build:storefront` writes them and prints their sizes; tests/unit/storefront-build.test.ts
// builds in memory and fails when a committed asset differs.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const assets = `${root}extensions/harbor-support-theme/assets`;
export const BLOCKS = ["order-tracking", "returns", "faq", "contact", "help-launcher"];

/** Resolves `@import "./shared/x.css"` from a block's stylesheet to x.css nested in that block's element. */
const nestSharedCss = {
  name: "nest-shared-css",
  setup(b) {
    b.onResolve({ filter: /\/shared\/[\w-]+\.css$/ }, (args) => ({
      // One module per block and partial: esbuild would otherwise load a partial once for every block.
      path: `${resolve(dirname(args.importer), args.path)}?harbor-${basename(args.importer, ".css")}`,
      namespace: "shared-css",
    }));
    b.onLoad({ filter: /.*/, namespace: "shared-css" }, (args) => {
      const [path, element] = args.path.split("?");
      return { contents: `${element} {\n${readFileSync(path, "utf8")}\n}\n`, loader: "css", resolveDir: dirname(path) };
    });
  },
};

const common = { absWorkingDir: root, outdir: assets, bundle: true, minify: true, legalComments: "none", charset: "utf8", write: false, logLevel: "silent" };

/** Every built asset, in memory: [{ name, path, text }], scripts first. */
export async function buildStorefront() {
  const [scripts, styles] = await Promise.all([
    build({
      ...common,
      entryPoints: Object.fromEntries(BLOCKS.map((b) => [b, `storefront/src/${b}.ts`])),
      tsconfig: "storefront/tsconfig.json",
      format: "iife",
      // Browsers that run custom elements and optional chaining natively: no down-levelling helpers.
      target: "es2020",
      banner: { js: "// Built from storefront/src by npm run build:storefront: edit the TypeScript, not this file." },
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(BLOCKS.map((b) => [b, `storefront/src/styles/${b}.css`])),
      // Browsers just before CSS nesting: esbuild writes the nested partials out in full.
      target: ["chrome111", "edge111", "firefox116", "safari16.4"],
      plugins: [nestSharedCss],
      banner: { css: "/* Built from storefront/src/styles by npm run build:storefront: edit the sources, not this file. */" },
    }),
  ]);
  return [...scripts.outputFiles, ...styles.outputFiles].map((f) => ({ name: basename(f.path), path: f.path, text: f.text }));
}

/** Raw and gzipped (zlib level 9) bytes. */
export const sizes = (text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { name, path, text } of await buildStorefront()) {
    if (readFileSync(path, "utf8") !== text) writeFileSync(path, text);
    const { raw, gzip } = sizes(text);
    console.log(`${name.padEnd(20)} ${String(raw).padStart(6)} B  ${String(gzip).padStart(5)} B gzip`);
  }
}
