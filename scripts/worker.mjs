// `npm run worker`: runs the app's background jobs only (BullMQ over REDIS_URL), from the same build
// as the web process. Any number of workers may run; each job is done once. SIGTERM stops taking
// jobs, lets the running ones finish, then exits; a job cut short is taken over by another worker.
import { fileURLToPath } from "node:url";

process.env.HARBOR_PROCESS = "worker";
const build = await import(fileURLToPath(new URL("../build/server/index.js", import.meta.url)));
const { stopJobs } = build.entry.module;
console.log(JSON.stringify({ at: new Date().toISOString(), kind: "worker", outcome: "started", pid: process.pid }));

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stopJobs();
    console.log(JSON.stringify({ at: new Date().toISOString(), kind: "worker", outcome: "stopped", pid: process.pid }));
    process.exit(0);
  });
}
