/**
 * Return labels staff upload: a PDF or an image, recognised by content. Framework-free.
 */
import { sniffImageType } from "./photos";

export const MAX_LABEL_BYTES = 2 * 1024 * 1024;
export type LabelType = "application/pdf" | "image/png" | "image/jpeg";

export function sniffLabelType(bytes: Uint8Array): LabelType | null {
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-") return "application/pdf";
  const image = sniffImageType(bytes);
  return image === "image/png" || image === "image/jpeg" ? image : null;
}
