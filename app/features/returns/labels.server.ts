import type { Db } from "../../db-client.server";
import { signedResourceLinks, type SignatureVerdict } from "../../lib/signed-url";
import { MAX_LABEL_BYTES, sniffLabelType } from "./domain/labels";

/**
 * Labels staff upload are served from the app on a signed link: Shopify fetches it for the reverse
 * delivery and the shopper opens it from the status page and the email, neither with a session.
 * The link lasts as long as a return may take.
 */
export const LABEL_URL_TTL_SECONDS = 120 * 24 * 60 * 60;
const LABEL_LINKS = signedResourceLinks("return-label", "/labels");

export type StoredLabel = { ok: true; url: string } | { ok: false; status: 413 | 415; error: string };

/** Stores an uploaded label for the request and answers its public signed URL. */
export async function storeLabel(
  db: Db,
  input: { shop: string; requestId: string; bytes: Uint8Array; appUrl: string; secret: string },
  now = new Date(),
): Promise<StoredLabel> {
  if (input.bytes.length > MAX_LABEL_BYTES) return { ok: false, status: 413, error: "The label file must be 2 MB or smaller." };
  const contentType = sniffLabelType(input.bytes);
  if (!contentType) return { ok: false, status: 415, error: "The label must be a PDF, PNG or JPEG file." };
  const label = await db.returnLabel.create({
    data: { shop: input.shop, requestId: input.requestId, contentType, size: input.bytes.length, data: Buffer.from(input.bytes) },
  });
  const path = LABEL_LINKS.sign(input.secret, input.shop, label.id, now, LABEL_URL_TTL_SECONDS);
  return { ok: true, url: new URL(path, input.appUrl).toString() };
}

export function verifyLabelSignature(secret: string, labelId: string, query: URLSearchParams, now: Date): SignatureVerdict {
  return LABEL_LINKS.verify(secret, labelId, query, now);
}

export async function findLabel(db: Db, shop: string, labelId: string) {
  return db.returnLabel.findFirst({ where: { id: labelId, shop }, select: { contentType: true, data: true } });
}

/** The file as itself only: never sniffed into anything else, never able to run script. */
export function labelResponse(bytes: Uint8Array, contentType: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `inline; filename="return-label.${contentType === "application/pdf" ? "pdf" : contentType.split("/")[1]}"`,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; object-src 'self'; sandbox",
      "Referrer-Policy": "no-referrer",
    },
  });
}
