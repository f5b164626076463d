import { describe, expect, it } from "vitest";
import { checkPhotos, MAX_PHOTO_BYTES, sniffImageType } from "../../../../../../app/features/returns/domain/photos";

const bytes = (...values: number[]) => new Uint8Array(values);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const WEBP = new Uint8Array([...new TextEncoder().encode("RIFF"), 0, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);

describe("return photos", () => {
  it.each([
    ["JPEG", JPEG, "image/jpeg"],
    ["PNG", PNG, "image/png"],
    ["WebP", WEBP, "image/webp"],
  ])("GIVEN %s bytes THEN they are recognised by content", (_name, data, type) => {
    expect(sniffImageType(data)).toBe(type);
  });

  it.each([
    ["a GIF", new Uint8Array([...new TextEncoder().encode("GIF89a")])],
    ["a PHP script named .png", new TextEncoder().encode("<?php echo 1;")],
    ["a RIFF that is not WebP (WAV)", new Uint8Array([...new TextEncoder().encode("RIFF"), 0, 0, 0, 0, ...new TextEncoder().encode("WAVE")])],
    ["an empty file", new Uint8Array()],
  ])("GIVEN %s THEN it is not an accepted photo", (_name, data) => {
    expect(sniffImageType(data)).toBeNull();
    expect(checkPhotos([{ bytes: data }])).toBe("photo_type");
  });

  it("GIVEN a photo one byte over 5 MB THEN it is too large, and exactly 5 MB is fine", () => {
    const exact = new Uint8Array(MAX_PHOTO_BYTES);
    exact.set(PNG);
    const over = new Uint8Array(MAX_PHOTO_BYTES + 1);
    over.set(PNG);
    expect(checkPhotos([{ bytes: exact }])).toBeNull();
    expect(checkPhotos([{ bytes: over }])).toBe("photo_too_large");
  });

  it("GIVEN four photos for one item THEN that is too many", () => {
    expect(checkPhotos([PNG, PNG, PNG, PNG].map((b) => ({ bytes: b })))).toBe("too_many_photos");
    expect(checkPhotos([PNG, JPEG, WEBP].map((b) => ({ bytes: b })))).toBeNull();
  });
});
