import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import "./jobs/definitions.server";
import { startJobs, stopJobs } from "./jobs/queue.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// The worker command (scripts/worker.mjs) loads this build to run jobs only; the web process adds
// jobs, and runs them itself in the embedded default.
startJobs(process.env.HARBOR_PROCESS === "worker" ? "worker" : "web");
export { queueStatus, stopJobs } from "./jobs/queue.server";

// remix-serve stops taking requests on SIGTERM; the jobs stop taking work and finish what they run,
// and the shared Redis connection closes, so the process ends once its last request is answered.
process.once("SIGTERM", () => {
  void stopJobs().then(() => globalThis.harborRedis?.quit());
});

const STREAM_TIMEOUT_MS = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, STREAM_TIMEOUT_MS + 1000);
  });
}
