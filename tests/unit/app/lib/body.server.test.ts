import { describe, expect, it } from "vitest";
import { problem, readBody, readForm, readJson, readMultipart } from "../../../../app/lib/body.server";

/**
 * Bodies read against a hard limit while they stream (app/lib/body.server.ts): the limit holds
 * with or without a Content-Length, and reading stops as soon as it is passed.
 */

/** A chunked body (no Content-Length) of `chunks` × `size` bytes, counting what was pulled from it. */
function chunkedBody(chunks: number, size: number) {
  const produced = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      produced.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  return { stream, produced };
}

function post(body: BodyInit | ReadableStream, headers: Record<string, string> = {}): Request {
  return new Request("https://app.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function thrown(promise: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    return { status: error.status, body: (await error.json()) as Record<string, unknown>, headers: error.headers };
  }
  throw new Error("expected a thrown Response");
}

function multipart(parts: { name: string; value: string | Uint8Array; filename?: string }[]): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = "----harbor-test-boundary";
  const chunks: Uint8Array[] = [];
  const text = (s: string) => chunks.push(new TextEncoder().encode(s));
  for (const part of parts) {
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}\r\n`);
    text(part.filename ? "Content-Type: application/octet-stream\r\n\r\n" : "\r\n");
    if (typeof part.value === "string") text(part.value);
    else chunks.push(part.value);
    text("\r\n");
  }
  text(`--${boundary}--\r\n`);
  return { body: new Uint8Array(Buffer.concat(chunks)), type: `multipart/form-data; boundary=${boundary}` };
}

describe("readBody", () => {
  it("GIVEN a chunked body without Content-Length past the limit THEN 413, and reading stopped near the limit", async () => {
    const { stream, produced } = chunkedBody(10_000, 64 * 1024); // 640 MB if read whole
    const failure = await thrown(readBody(post(stream), 1024 * 1024));
    expect(failure.status).toBe(413);
    expect(failure.body.error).toMatch(/too large.*1 MB/);
    expect(failure.headers.get("Connection")).toBe("close");
    // The limit plus what the stream had queued ahead (its high-water mark is one chunk).
    expect(produced.bytes).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
  });

  it("GIVEN a declared Content-Length over the limit THEN 413 before a byte is read", async () => {
    const { stream, produced } = chunkedBody(10, 1024);
    const request = post(stream, { "Content-Length": String(10 * 1024 * 1024) });
    expect((await thrown(readBody(request, 1024))).status).toBe(413);
    expect(produced.bytes).toBeLessThanOrEqual(1024);
  });

  it("GIVEN a body exactly at the limit THEN it is read whole", async () => {
    const { stream } = chunkedBody(4, 256);
    expect((await readBody(post(stream), 1024)).byteLength).toBe(1024);
  });

  it("GIVEN a body whose stream fails midway THEN 400", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new Error("connection reset"));
      },
    });
    expect((await thrown(readBody(post(stream), 1024))).status).toBe(400);
  });
});

describe("readForm", () => {
  it("GIVEN a urlencoded form within the limit THEN its fields", async () => {
    const form = await readForm(post("a=1&b=two", { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(Object.fromEntries(form)).toEqual({ a: "1", b: "two" });
  });

  it.each(["application/json", "text/plain", "application/octet-stream", ""])("GIVEN content type %j THEN 415", async (type) => {
    const request = new Request("https://app.test/x", { method: "POST", body: "{}", headers: type ? { "Content-Type": type } : {} });
    if (!type) request.headers.delete("content-type");
    expect((await thrown(readForm(request))).status).toBe(415);
  });

  it("GIVEN a multipart type without a body that parses THEN 400", async () => {
    expect((await thrown(readForm(post("garbage", { "Content-Type": "multipart/form-data; boundary=x" })))).status).toBe(400);
  });

  it("GIVEN a chunked form past the limit THEN 413", async () => {
    const { stream } = chunkedBody(100, 16 * 1024);
    expect((await thrown(readForm(post(stream, { "Content-Type": "application/x-www-form-urlencoded" }), 64 * 1024))).status).toBe(413);
  });
});

describe("readJson", () => {
  it("GIVEN JSON with NUL characters and a lone surrogate THEN strings come out storable", async () => {
    const body = await readJson(post(JSON.stringify({ a: "x\u0000y", b: ["\uD800z"] }), { "Content-Type": "application/json" }));
    expect(body).toEqual({ a: "xy", b: ["\uFFFDz"] });
  });

  it("GIVEN a body that is not JSON THEN 400 in words", async () => {
    const failure = await thrown(readJson(post("{nope", { "Content-Type": "application/json" })));
    expect(failure).toMatchObject({ status: 400, body: { error: "The request body is not valid JSON." } });
  });

  it("GIVEN a form content type THEN 415", async () => {
    expect((await thrown(readJson(post("a=1", { "Content-Type": "application/x-www-form-urlencoded" })))).status).toBe(415);
  });
});

describe("readMultipart", () => {
  const limits = { total: 64 * 1024, fileSize: 1024, files: 2 };

  it("GIVEN fields and files THEN the first value of each field, and the non-empty files", async () => {
    const { body, type } = multipart([
      { name: "a", value: "1" },
      { name: "a", value: "2" },
      { name: "photo", value: new Uint8Array([1, 2, 3]), filename: "p.png" },
      { name: "empty", value: new Uint8Array(0), filename: "e.png" },
    ]);
    const form = await readMultipart(post(body, { "Content-Type": type }), limits);
    expect(form.fields).toEqual({ a: "1" });
    expect(form.files.map((f) => [f.field, [...f.bytes]])).toEqual([["photo", [1, 2, 3]]]);
  });

  it("GIVEN text fields in UTF-8, multipart or urlencoded THEN they read as sent", async () => {
    const { body, type } = multipart([{ name: "name", value: "Zoë Müller 你好" }]);
    expect((await readMultipart(post(body, { "Content-Type": type }), limits)).fields).toEqual({ name: "Zoë Müller 你好" });
    const urlencoded = post(new URLSearchParams({ comment: "très bien" }).toString(), { "Content-Type": "application/x-www-form-urlencoded" });
    expect((await readMultipart(urlencoded, limits)).fields).toEqual({ comment: "très bien" });
  });

  it("GIVEN a file over the per-file limit THEN it is kept as limit + 1 bytes, for the caller to refuse", async () => {
    const { body, type } = multipart([{ name: "photo", value: new Uint8Array(50_000), filename: "big.png" }]);
    const form = await readMultipart(post(body, { "Content-Type": type }), limits);
    expect(form.files[0]!.bytes.byteLength).toBe(1025);
  });

  it("GIVEN more files than allowed THEN 413", async () => {
    const file = { name: "photo", value: new Uint8Array(10), filename: "p.png" };
    const { body, type } = multipart([file, file, file]);
    const failure = await thrown(readMultipart(post(body, { "Content-Type": type }), limits));
    expect(failure).toMatchObject({ status: 413, body: { error: "Send at most 2 files at once." } });
  });

  it("GIVEN more files than allowed and the caller's own answer for it THEN that answer", async () => {
    const file = { name: "photo", value: new Uint8Array(10), filename: "p.png" };
    const { body, type } = multipart([file, file, file]);
    const failure = await thrown(readMultipart(post(body, { "Content-Type": type }), { ...limits, tooManyFiles: problem(400, "Attach fewer photos.") }));
    expect(failure).toMatchObject({ status: 400, body: { error: "Attach fewer photos." } });
  });

  it("GIVEN a file under a name the form does not take THEN 400", async () => {
    const { body, type } = multipart([{ name: "other", value: new Uint8Array(10), filename: "p.png" }]);
    const failure = await thrown(readMultipart(post(body, { "Content-Type": type }), { ...limits, acceptFile: (field) => field === "photo" }));
    expect(failure.status).toBe(400);
  });

  it("GIVEN acceptFile THEN it sees the fields sent before the file", async () => {
    const { body, type } = multipart([
      { name: "items", value: "line-1" },
      { name: "photo:line-1", value: new Uint8Array(5), filename: "p.png" },
    ]);
    const seen: Record<string, string>[] = [];
    await readMultipart(post(body, { "Content-Type": type }), { ...limits, acceptFile: (_field, fields) => Boolean(seen.push({ ...fields })) });
    expect(seen).toEqual([{ items: "line-1" }]);
  });

  it("GIVEN a chunked multipart body without Content-Length past the total THEN 413, and reading stopped near it", async () => {
    const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="photo"; filename="p"\r\n\r\n');
    let sent = 0;
    const produced = { bytes: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = sent++ === 0 ? head : new Uint8Array(16 * 1024);
        produced.bytes += chunk.byteLength;
        if (sent > 10_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const failure = await thrown(readMultipart(post(stream, { "Content-Type": "multipart/form-data; boundary=b" }), limits));
    expect(failure.status).toBe(413);
    expect(produced.bytes).toBeLessThanOrEqual(limits.total + 3 * 16 * 1024);
  });

  it("GIVEN a malformed multipart body THEN 400, and a multipart type without boundary THEN 400", async () => {
    const truncated = post("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", { "Content-Type": "multipart/form-data; boundary=b" });
    expect((await thrown(readMultipart(truncated, limits))).status).toBe(400);
    expect((await thrown(readMultipart(post("x", { "Content-Type": "multipart/form-data" }), limits))).status).toBe(400);
  });

  it("GIVEN a body cut off inside a file THEN 400, not a request left waiting", async () => {
    const cut = post('--b\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\n\r\npartial bytes', { "Content-Type": "multipart/form-data; boundary=b" });
    expect((await thrown(readMultipart(cut, limits))).status).toBe(400);
  });

  it("GIVEN a form that takes no file WHEN a file is sent THEN 400", async () => {
    const { body, type } = multipart([{ name: "comment", value: "hi" }, { name: "x", value: new Uint8Array(3), filename: "x" }]);
    expect((await thrown(readMultipart(post(body, { "Content-Type": type }), { total: 1024, fileSize: 0, files: 0 }))).status).toBe(400);
  });
});

describe("problem", () => {
  it("GIVEN a status and a sentence THEN a JSON body a person can read", async () => {
    const response = problem(413, "Too large.");
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Too large." });
  });
});
