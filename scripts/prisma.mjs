// Prisma for both providers from one model file.
//   node scripts/prisma.mjs schemas   write prisma/{sqlite,postgresql}/schema.prisma from prisma/models.prisma
//   node scripts/prisma.mjs generate  generate both clients (postinstall)
//   node scripts/prisma.mjs deploy    apply the migrations of the provider DATABASE_URL names
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const PROVIDERS = ["sqlite", "postgresql"];

// The SQLite client is the default @prisma/client (the session storage package imports it);
// the PostgreSQL one is generated beside it under its own name.
const OUTPUTS = { sqlite: "", postgresql: '\n  output     = "../../node_modules/.prisma/client-postgresql"' };

export function schemaFor(provider) {
  const models = readFileSync(`${root}/prisma/models.prisma`, "utf8");
  return `// Generated from prisma/models.prisma by \`npm run db:schemas\`; do not edit.
generator client {
  provider   = "prisma-client-js"
  engineType = "client"${OUTPUTS[provider]}
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

${models}`;
}

function prisma(args, env = {}) {
  execFileSync(process.execPath, [`${root}/node_modules/prisma/build/index.js`, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
}

const command = process.argv[2];
if (command === "schemas") {
  for (const p of PROVIDERS) writeFileSync(`${root}/prisma/${p}/schema.prisma`, schemaFor(p));
} else if (command === "generate") {
  // prisma.config.ts picks the schema and adapter from DATABASE_URL; a client generated without
  // its provider's adapter would ask for a native engine download, so name each provider's URL.
  const urls = { sqlite: "file:./data/generate.sqlite", postgresql: "postgresql://localhost/generate" };
  for (const p of PROVIDERS) prisma(["generate"], { DATABASE_URL: urls[p] });
} else if (command === "deploy") {
  prisma(["migrate", "deploy"]);
} else if (command) {
  console.error(`Unknown command: ${command}`);
  process.exit(2);
}
