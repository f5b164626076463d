import type { Db } from "../../db-client.server";
import { signedResourceLinks, type SignatureVerdict } from "../../lib/signed-url";

/** <img> requests carry no session token, so photos are served on a signature instead. */
export const PHOTO_URL_TTL_SECONDS = 10 * 60;

const PHOTO_LINKS = signedResourceLinks("return-photo", "/app/returns/photos");

/** A URL for one photo, valid for one shop and this photo only, for PHOTO_URL_TTL_SECONDS. */
export function signPhotoUrl(secret: string, input: { shop: string; photoId: string }, now: Date, ttlSeconds = PHOTO_URL_TTL_SECONDS): string {
  return PHOTO_LINKS.sign(secret, input.shop, input.photoId, now, ttlSeconds);
}

/** Checks a photo URL's query (shop, exp, sig) for the photo id in its path. */
export function verifyPhotoSignature(secret: string, photoId: string, query: URLSearchParams, now: Date): SignatureVerdict {
  return PHOTO_LINKS.verify(secret, photoId, query, now);
}

/** One photo of the shop's, or null. */
export async function findPhoto(db: Db, shop: string, photoId: string) {
  return db.returnPhoto.findFirst({ where: { id: photoId, shop }, select: { contentType: true, data: true } });
}
