// `npm run jobs:status`: the queue as the operator sees it — jobs waiting, running, delayed and
// failed, with the last failures and why (REDIS_URL and the app's environment must be set).
import { fileURLToPath } from "node:url";

process.env.HARBOR_PROCESS = "status";
const build = await import(fileURLToPath(new URL("../build/server/index.js", import.meta.url)));
console.log(JSON.stringify(await build.entry.module.queueStatus(), null, 2));
await build.entry.module.stopJobs();
process.exit(0);
