// Runs Shopify's theme-check on every theme app extension (a folder in extensions/ with a
// .theme-check.yml) and fails on any offense, so blocks are checked the way `shopify app deploy` would.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "@shopify/theme-check-node";

const root = fileURLToPath(new URL("..", import.meta.url));
const extensionsDir = join(root, "extensions");
const extensions = existsSync(extensionsDir)
  ? readdirSync(extensionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(extensionsDir, entry.name, ".theme-check.yml")))
      .map((entry) => join(extensionsDir, entry.name))
  : [];

let total = 0;
for (const dir of extensions) {
  const offenses = await check(dir, join(dir, ".theme-check.yml"));
  for (const offense of offenses) {
    const file = relative(root, fileURLToPath(offense.uri));
    console.log(`${file}:${offense.start.line} ${offense.check}: ${offense.message}`);
  }
  total += offenses.length;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
console.log(`theme-check: ${plural(total, "offense")} in ${plural(extensions.length, "extension")}`);
process.exitCode = total > 0 ? 1 : 0;
