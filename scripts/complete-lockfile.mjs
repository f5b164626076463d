// The npm registry these machines reach serves only the Linux builds of packages such as
// @rollup/rollup-<platform>; `npm install` then leaves the other platforms' optional
// dependencies out of package-lock.json, and `npm ci` refuses the lock file as out of sync.
// This adds an optional entry for each missing one (npm skips an optional package it cannot
// fetch). Run it after `npm install` changes the lock; tests/unit/lockfile.test.ts checks it.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const path = fileURLToPath(new URL("../package-lock.json", import.meta.url));

export function missingOptionalEntries(lock) {
  const missing = {};
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${where ? `${where}/` : ""}node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[hoisted] || missing[hoisted]) continue;
      missing[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lock = JSON.parse(readFileSync(path, "utf8"));
  const missing = missingOptionalEntries(lock);
  Object.assign(lock.packages, missing);
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${Object.keys(missing).length} optional entries`);
}
