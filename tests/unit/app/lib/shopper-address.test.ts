import { describe, expect, it } from "vitest";
import { shopperAddress } from "../../../../app/lib/shopper-address";

const from = (forwardedFor?: string, trustedHops = 0) =>
  shopperAddress(new Request("https://app.example.com/proxy/events", { headers: forwardedFor === undefined ? {} : { "X-Forwarded-For": forwardedFor } }), trustedHops);

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

  it("GIVEN one trusted hop (a load balancer appending Shopify's address) THEN the shopper is the hop before it", () => {
    expect(from("203.0.113.7, 198.51.100.1", 1)).toBe("203.0.113.7");
    expect(from("10.0.0.1, 203.0.113.7, 198.51.100.1", 1)).toBe("203.0.113.7");
  });

  it("GIVEN two trusted hops (a CDN then a load balancer) THEN both are skipped, never the forged ones reached", () => {
    expect(from("10.0.0.1, 203.0.113.7, 198.51.100.1, 192.0.2.9", 2)).toBe("203.0.113.7");
  });

  it("GIVEN fewer hops than trusted (a request that skipped our load balancer) THEN it gets the shared key, not a forged one", () => {
    expect(from("203.0.113.7", 1)).toBe("unknown");
  });
});
