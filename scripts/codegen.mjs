// Generates app/types/admin.*.d.ts from the #graphql documents in app/, offline: the preset reads
// the schema file it finds in app/types (.graphqlrc.ts), which this script unpacks from schema/.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(`${root}/app/types`, { recursive: true });
for (const file of readdirSync(`${root}/schema`)) {
  const version = file.match(/^admin_(.+)\.json\.gz$/)?.[1];
  if (!version) continue;
  const introspection = gunzipSync(readFileSync(`${root}/schema/${file}`)).toString("utf8");
  writeFileSync(`${root}/app/types/admin-${version}.schema.json`, introspection);
}
execFileSync(process.execPath, [`${root}/node_modules/@graphql-codegen/cli/cjs/bin.js`], {
  cwd: root,
  stdio: "inherit",
});
