/**
 * Request bodies read against a hard limit while they stream in. Node's `formData()`, `json()` and
 * `text()` buffer whatever the client sends; these stop at the limit, with or without a
 * Content-Length (chunked included), and answer 413 before anything past it is held in memory.
 * Every failure is a thrown Response with a sentence a person can read.
 */
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import { storableText } from "./text";

/** Limits per kind of body. Forms are a few short fields; an upload holds its files. */
export const BODY_LIMITS = {
  /**
   * Admin forms: an FAQ article is the longest, 4 languages × 20,300 characters, and a form sends
   * a non-Latin character as up to 9 bytes (%E4%BD%A0), about 730 KB at worst.
   */
  form: 1024 * 1024,
  /** Storefront events and lookups. */
  small: 16 * 1024,
  /** Shopify's webhook payloads: an order with hundreds of lines stays well below this. */
  webhook: 5 * 1024 * 1024,
} as const;

export function problem(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers });
}

function tooLarge(limit: number): Response {
  // Connection: close, so the server does not go on reading what the client still sends.
  return problem(413, `This request is too large (the limit is ${formatBytes(limit)}).`, { Connection: "close" });
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Refuses a declared Content-Length over the limit before reading a byte. */
export function assertDeclaredLength(request: Request, limit: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
}

/**
 * The whole body as bytes, at most `limit` of them. The stream is not cancelled when the limit is
 * passed (that would reset the connection before the 413 is sent); the 413 closes it instead.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredLength(request, limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    throw problem(400, "The request body could not be read.");
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** A form body (urlencoded or multipart) of at most `limit` bytes; anything else is a 4xx. */
export async function readForm(request: Request, limit: number = BODY_LIMITS.form): Promise<FormData> {
  if (!FORM_TYPES.has(mediaType(request))) throw problem(415, "This action expects a form.");
  const bytes = await readBody(request, limit);
  try {
    return await new Response(bytes, { headers: { "Content-Type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw problem(400, "The form could not be read.");
  }
}

/** A JSON body of at most `limit` bytes; anything that is not JSON is a 4xx. */
export async function readJson(request: Request, limit: number = BODY_LIMITS.small): Promise<unknown> {
  const type = mediaType(request);
  if (type !== "application/json" && type !== "text/plain" && type !== "") throw problem(415, "This request expects JSON.");
  const text = new TextDecoder().decode(await readBody(request, limit));
  try {
    // Strings come out storable whatever schema reads them next (see storableText).
    return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? storableText(value) : value)) as unknown;
  } catch {
    throw problem(400, "The request body is not valid JSON.");
  }
}

/** A few fields sent as JSON (the blocks) or as a form (without JavaScript). */
export async function readFields(request: Request, limit: number): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return Object((await readJson(request, limit)) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(await readForm(request, limit));
}

export type MultipartLimits = {
  /** The whole body, files and fields together. */
  total: number;
  /**
   * Each file. A longer one is kept as its first `fileSize + 1` bytes and the rest discarded as it
   * streams, so the caller can refuse it in its own words ("each photo must be 5 MB or smaller").
   */
  fileSize: number;
  /** Files per request; one more is `tooManyFiles`, by default a 413 in words. */
  files: number;
  tooManyFiles?: Response;
  /**
   * Which file fields are read at all, given the text fields that came before the file; a file
   * under any other name is a 400 as soon as it starts.
   */
  acceptFile?: (field: string, fieldsSoFar: Record<string, string>) => boolean;
};

export type MultipartBody = { fields: Record<string, string>; files: { field: string; bytes: Uint8Array }[] };

/** Text fields and parts per form: our forms have about ten; more is not a person filling one in. */
const MAX_FORM_PARTS = 200;

/**
 * A form (multipart or urlencoded) parsed while it streams in, against per-file, file-count and
 * total limits: nothing beyond them is held in memory. The first value of each text field is
 * kept; empty files (a file input left empty) are skipped.
 */
export async function readMultipart(request: Request, limits: MultipartLimits): Promise<MultipartBody> {
  if (!FORM_TYPES.has(mediaType(request))) throw problem(415, "This action expects a form.");
  assertDeclaredLength(request, limits.total);
  let parser: BusboyInstance;
  try {
    parser = new Busboy({
      headers: { "content-type": request.headers.get("content-type")! },
      limits: { fileSize: limits.fileSize + 1, files: limits.files, fieldSize: limits.total, fields: MAX_FORM_PARTS, parts: MAX_FORM_PARTS },
    });
  } catch {
    // Busboy refuses a multipart type without a boundary in its constructor.
    throw problem(400, "The form could not be read.");
  }
  const body: MultipartBody = { fields: {}, files: [] };
  const files: Promise<void>[] = [];
  let failure: Response | null = null;
  const fail = (response: Response) => {
    failure ??= response;
  };
  const finished = new Promise<void>((resolve) => {
    parser.on("finish", resolve);
    // A malformed body ends the parse; the loop below sees `failure` and stops reading.
    parser.on("error", () => {
      fail(problem(400, "The form could not be read."));
      resolve();
    });
  });
  parser.on("field", (name, value) => {
    body.fields[name] ??= value;
  });
  parser.on("file", (field, stream) => {
    if (limits.acceptFile && !limits.acceptFile(field, body.fields)) {
      fail(problem(400, "This form does not take that file."));
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    files.push(
      new Promise((resolve) => {
        stream.on("end", () => {
          const bytes = Buffer.concat(chunks);
          if (bytes.byteLength > 0) body.files.push({ field, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
          resolve();
        });
        // A body cut off inside a file ends the file with an error (the parser reports it), not "end".
        stream.on("error", () => resolve());
        stream.on("close", () => resolve());
      }),
    );
  });
  parser.on("filesLimit", () =>
    fail(
      limits.tooManyFiles ??
        (limits.files === 0 ? problem(400, "This form does not take a file.") : problem(413, `Send at most ${limits.files} files at once.`, { Connection: "close" })),
    ),
  );
  parser.on("fieldsLimit", () => fail(problem(413, "This form has too many fields.", { Connection: "close" })));
  parser.on("partsLimit", () => fail(problem(413, "This form has too many fields.", { Connection: "close" })));

  if (request.body) {
    const reader = request.body.getReader();
    let size = 0;
    try {
      while (!failure) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.total) throw tooLarge(limits.total);
        // Backpressure: the parser's buffer stays small however fast the client sends.
        // (a parser that failed or finished drains no more, hence the race).
        if (!parser.write(value)) await Promise.race([new Promise((resolve) => parser.once("drain", resolve)), finished]);
      }
    } catch (error) {
      parser.destroy();
      if (error instanceof Response) throw error;
      throw problem(400, "The request body could not be read.");
    } finally {
      reader.releaseLock();
    }
  }
  if (failure) {
    parser.destroy();
    throw failure;
  }
  parser.end();
  await finished;
  if (failure) throw failure;
  await Promise.all(files);
  return body;
}

/**
 * The same request with its body read against the limit, for code that reads the body itself
 * (the Shopify library's webhook HMAC check reads `request.text()`).
 */
export async function boundedRequest(request: Request, limit: number): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBody(request, limit);
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}
