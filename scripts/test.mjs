// `npm test`: every check, in the order a failure is cheapest to see. Prints one closing line,
// "Summary: N passed, N failed", counting vitest tests over both database runs.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensureChromium, ensurePostgres } from "./test-services.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (pkg, path) => `${root}/node_modules/${pkg}/${path}`;
const results = { passed: 0, failed: 0 };
mkdirSync(`${root}/.cache`, { recursive: true });

function step(title, args, env = {}) {
  console.log(`\n━━ ${title}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`━━ ${title}: ${run.status === 0 ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return run.status === 0;
}

function vitest(title, args, env, report) {
  const ok = step(title, [bin("vitest", "vitest.mjs"), "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    results.passed += json.numPassedTests;
    results.failed += json.numFailedTests;
  } catch {
    results.failed += 1; // the run died before reporting
  }
  return ok;
}

let ok = true;
ok = step("GraphQL codegen (types every #graphql document against the real schema)", ["scripts/codegen.mjs"]) && ok;
ok = step("Typecheck", [bin("typescript", "bin/tsc"), "--noEmit"]) && ok;
ok = step("Lint", [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"]) && ok;
ok = step("theme-check (theme-app-extension rules)", ["scripts/theme-check.mjs"]) && ok;
ok = step("Build", [bin("@remix-run/dev", "dist/cli.js"), "vite:build"]) && ok;
ensureChromium();
ok = vitest("Unit, integration and browser tests (SQLite)", [], { TEST_DATABASE: "sqlite" }, ".cache/vitest-sqlite.json") && ok;
// The whole browser suite again under another app proxy path (a merchant may move it in Shopify):
// nothing may assume /apps/support (docs/decisions/0021).
ok = vitest(
  "Browser journeys under another app proxy path (/tools/help)",
  ["--project", "e2e"],
  { TEST_DATABASE: "sqlite", HARBOR_PROXY_PATH: "/tools/help" },
  ".cache/vitest-proxy-path.json",
) && ok;
if (process.env.HARBOR_SKIP_POSTGRES === "1") {
  console.log("\n━━ Integration tests (PostgreSQL): skipped (HARBOR_SKIP_POSTGRES=1)");
} else {
  const postgres = await ensurePostgres();
  try {
    ok = vitest("Integration tests (PostgreSQL)", ["--project", "integration"], { TEST_DATABASE: "postgresql", TEST_POSTGRES_URL: postgres.url }, ".cache/vitest-postgresql.json") && ok;
  } finally {
    await postgres.stop();
  }
}

console.log(`\nSummary: ${results.passed} passed, ${results.failed} failed`);
process.exit(ok && results.failed === 0 ? 0 : 1);
