// `npm run bench`, third part: what the FAQ and policy endpoints cost a storefront — the first
// render of the whole FAQ with live policy values, the cached answer, a 304 revalidation, the
// first render after a policy save, and the JavaScript each block sends to the browser.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_RETURN_POLICY } from "../app/features/policies/domain/returns";
import { saveReturnPolicy } from "../app/features/policies/repo.server";
import { createDb } from "../app/db-client.server";
import { ensureBuilt, migrateDeploy, startStack } from "../simulator/stack";

const dir = mkdtempSync(join(tmpdir(), "harbor-bench-"));
const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
ensureBuilt();
migrateDeploy(databaseUrl);
const stack = await startStack({ databaseUrl });
const shop = stack.shop.store.shops()[0]!.domain;
await fetch(stack.shop.embeddedAppUrl(shop), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });
const db = createDb(databaseUrl);

async function get(path: string, etag?: string): Promise<{ ms: number; status: number; etag: string; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${stack.shop.url}${stack.shop.proxyPath}${path}`, { headers: etag ? { "If-None-Match": etag } : {} });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, etag: response.headers.get("etag") ?? "", bytes: body.byteLength };
}

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`${label.padEnd(40)} n=${String(samples.length).padStart(3)}  p50 ${pick(0.5).padStart(6)} ms  p95 ${pick(0.95).padStart(6)} ms`);
}

const first = await get("/faq?locale=en");
console.log(`FAQ, first render (starter pack seeded)   ${first.ms.toFixed(1)} ms, ${first.bytes} bytes of JSON`);

const cached: number[] = [];
for (let i = 0; i < 50; i++) cached.push((await get("/faq?locale=en")).ms);
summary("FAQ, rendered answer kept", cached);

const revalidated: number[] = [];
for (let i = 0; i < 50; i++) {
  const answer = await get("/faq?locale=en", first.etag);
  if (answer.status !== 304) throw new Error(`expected 304, got ${answer.status}`);
  revalidated.push(answer.ms);
}
summary("FAQ, If-None-Match → 304", revalidated);

const afterSave: number[] = [];
const { version: _version, ...policy } = DEFAULT_RETURN_POLICY;
for (let i = 0; i < 10; i++) {
  await saveReturnPolicy(db, shop, { ...policy, windowDays: 20 + i }, "bench");
  afterSave.push((await get("/faq?locale=en")).ms);
}
summary("FAQ, first answer after a policy save", afterSave);

const policyTimes: number[] = [];
for (let i = 0; i < 50; i++) policyTimes.push((await get("/policy")).ms);
summary("policy summary", policyTimes);

const assets = join(import.meta.dirname, "../extensions/harbor-support-theme/assets");
for (const name of ["order-tracking.js", "returns.js", "faq.js", "contact.js", "help-launcher.js"]) {
  console.log(`${name.padEnd(40)} ${String(statSync(join(assets, name)).size).padStart(6)} bytes (limit 10000)`);
}

await db.$disconnect();
await stack.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
