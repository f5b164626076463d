/**
 * Return photos: recognised by their content, never by name or declared type.
 */
import { MAX_PHOTOS_PER_LINE } from "./quote";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export type PhotoType = "image/jpeg" | "image/png" | "image/webp";

export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

export type PhotoProblem = "photo_type" | "photo_too_large" | "too_many_photos";

export function checkPhotos(photos: { bytes: Uint8Array }[]): PhotoProblem | null {
  if (photos.length > MAX_PHOTOS_PER_LINE) return "too_many_photos";
  for (const photo of photos) {
    if (photo.bytes.length > MAX_PHOTO_BYTES) return "photo_too_large";
    if (!sniffImageType(photo.bytes)) return "photo_type";
  }
  return null;
}
