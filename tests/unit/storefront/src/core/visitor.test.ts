import { afterEach, describe, expect, it, vi } from "vitest";
import { storage } from "../../../../helpers/browser-storage";

// The shared core of the block scripts, run in Node with stand-ins for the browser's storage.
// Each test loads the module afresh: the in-memory fallback lives for one page (one module load).
const core = async () => {
  vi.resetModules();
  return { ...(await import("../../../../../storefront/src/core/visitor")) };
};
afterEach(() => vi.unstubAllGlobals());

describe("storefront core: visitor id", () => {
  it("GIVEN a visitor from before the rewrite THEN their id under harbor-support:visitor is kept", async () => {
    vi.stubGlobal("localStorage", storage({ "harbor-support:visitor": "old-visitor-1234" }));
    expect((await core()).visitor()).toBe("old-visitor-1234");
  });

  it("GIVEN a new visitor THEN one random id is made, stored under the shared key and reused", async () => {
    const local = storage();
    vi.stubGlobal("localStorage", local);
    const { visitor } = await core();
    const id = visitor();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(local.items).toEqual({ "harbor-support:visitor": id });
    expect(visitor()).toBe(id);
  });

  it("GIVEN storage that throws (private mode, blocked cookies) THEN the id lives in memory for the page", async () => {
    const refuse = () => {
      throw new DOMException("denied", "SecurityError");
    };
    vi.stubGlobal("localStorage", { getItem: refuse, setItem: refuse });
    const { visitor } = await core();
    const id = visitor();
    expect(id.length).toBeGreaterThanOrEqual(8);
    expect(visitor()).toBe(id);
  });

  it("GIVEN a page without crypto.randomUUID (no secure context) THEN the id is still long enough for the server", async () => {
    vi.stubGlobal("localStorage", storage());
    vi.stubGlobal("crypto", {});
    expect((await core()).visitor()).toMatch(/^[a-z0-9]{8,64}$/);
  });
});
