import { describe, expect, it } from "vitest";
import { sniffLabelType } from "../../../../../../app/features/returns/domain/labels";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("return label files", () => {
  it("GIVEN a PDF, a PNG or a JPEG THEN it is recognised by its content", () => {
    expect(sniffLabelType(bytes("%PDF-1.7\n..."))).toBe("application/pdf");
    expect(sniffLabelType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffLabelType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  });

  it("GIVEN HTML, SVG, WebP or a file named .pdf THEN it is refused", () => {
    expect(sniffLabelType(bytes("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffLabelType(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffLabelType(bytes("RIFF\0\0\0\0WEBPVP8 "))).toBeNull();
    expect(sniffLabelType(bytes("%PD"))).toBeNull();
  });
});
