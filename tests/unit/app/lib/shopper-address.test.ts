import { describe, expect, it } from "vitest";
import { shopperAddress } from "../../../../app/lib/shopper-address";

const from = (forwardedFor?: string) =>
  shopperAddress(new Request("https://app.example.com/proxy/events", { headers: forwardedFor === undefined ? {} : { "X-Forwarded-For": forwardedFor } }));

describe("shopperAddress", () => {
  it("GIVEN the proxy's single hop THEN that address is the shopper's", () => {
    expect(from("203.0.113.7")).toBe("203.0.113.7");
  });

  it("GIVEN hops the browser forged before the proxy's THEN only the last one counts", () => {
    expect(from("10.0.0.1, 10.0.0.2,  203.0.113.7 ")).toBe("203.0.113.7");
  });

  it("GIVEN no header or only separators THEN every such request shares one key", () => {
    expect(from()).toBe("unknown");
    expect(from(" , ")).toBe("unknown");
  });
});
