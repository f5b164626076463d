import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installApp, startHarness, type Harness } from "../helpers/harness";
import { ADMIN_ACTIONS, looksReadable, postAdmin, proxyActions, rowCounts } from "../helpers/hostile";

/**
 * Property: whatever bytes, content type and size reach a storefront or admin action, the answer is
 * a 4xx (or a refusal in words), never a 500 or a stack trace, and nothing is stored. Runs are few
 * per action so that the file stays well under a minute on a 2-core CI machine.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "100000" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const RUNS_PER_ACTION = 8;

const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=harbor",
    "text/plain;charset=UTF-8",
    "application/octet-stream",
    "image/png",
  ),
  // Anything a client may put in the header (printable ASCII).
  fc.stringMatching(/^[\x20-\x7e]{0,60}$/),
);

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  // Text that looks like a form, JSON or multipart, with NULs and odd characters among it.
  fc.string({ unit: "binary", maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => new TextEncoder().encode(`--harbor\r\nContent-Disposition: form-data; name="${s}"\r\n\r\n${s}\r\n--harbor--\r\n`)),
  // Random sizes, up to past the largest limit of a single-file form.
  fc.integer({ min: 0, max: 6 * 1024 * 1024 }).map((n) => new Uint8Array(n).fill(0x2d)),
);

/** As a plain body (with Content-Length) or streamed in chunks without one. */
const body = fc.record({ bytes, chunked: fc.boolean() });

function asBody({ bytes, chunked }: { bytes: Uint8Array; chunked: boolean }): BodyInit {
  if (!chunked) return new Uint8Array(bytes);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.byteLength; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
      controller.close();
    },
  });
}

async function expectRefusedInWords(response: Response) {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect(looksReadable(text), text.slice(0, 300)).toBe(true);
  if ((response.headers.get("content-type") ?? "").includes("application/json")) expect(() => JSON.parse(text)).not.toThrow();
}

let shopper = 0;

/** A failure names the body's size and start, not its megabytes of bytes. */
function briefReport<T extends [unknown, { bytes: Uint8Array; chunked: boolean }]>(details: fc.RunDetails<T>) {
  if (!details.failed || !details.counterexample) return;
  const [type, input] = details.counterexample;
  const start = new TextDecoder().decode(input.bytes.slice(0, 120));
  throw new Error(`${JSON.stringify(type)}, ${input.bytes.byteLength} bytes${input.chunked ? " chunked" : ""} starting ${JSON.stringify(start)}: ${String(details.errorInstance)}`);
}

describe("hostile bodies", () => {
  it("GIVEN random bodies at every storefront action THEN a readable 4xx and no row written", async () => {
    for (const url of proxyActions(harness)) {
      await fc.assert(
        fc.asyncProperty(contentType, body, async (type, input) => {
          const before = await rowCounts(harness);
          const headers: Record<string, string> = { "X-Forwarded-For": `192.0.2.${shopper++ % 250}` };
          if (type !== undefined) headers["Content-Type"] = type;
          const response = await fetch(url, { method: "POST", headers, body: asBody(input), duplex: "half" } as RequestInit);
          await expectRefusedInWords(response);
          expect(await rowCounts(harness)).toEqual(before);
        }),
        { numRuns: RUNS_PER_ACTION, reporter: briefReport },
      );
    }
  });

  it("GIVEN random bodies at every admin action THEN a readable 4xx and no row written", async () => {
    for (const path of ADMIN_ACTIONS) {
      await fc.assert(
        fc.asyncProperty(contentType, body, async (type, input) => {
          const before = await rowCounts(harness);
          const response = await postAdmin(harness, path, asBody(input), type === undefined ? {} : { "Content-Type": type });
          await expectRefusedInWords(response);
          expect(await rowCounts(harness)).toEqual(before);
        }),
        { numRuns: RUNS_PER_ACTION, reporter: briefReport },
      );
    }
  });
});
