import { afterEach, describe, expect, it, vi } from "vitest";
import { storage } from "../../../../helpers/browser-storage";

// The shared core of the block scripts, run in Node with stand-ins for the browser's storage.
// Each test loads the module afresh: the in-memory fallback lives for one page (one module load).
const core = async () => {
  vi.resetModules();
  return { ...(await import("../../../../../storefront/src/core/proxy")) };
};
afterEach(() => vi.unstubAllGlobals());

describe("storefront core: requests", () => {
  it("GIVEN query parameters THEN each is appended encoded, after any the URL has", async () => {
    const { withQuery } = await core();
    expect(withQuery("/apps/support/returns/request", { token: "a+b/c=", visitor: "v 1" })).toBe("/apps/support/returns/request?token=a%2Bb%2Fc%3D&visitor=v%201");
    expect(withQuery("/pages/contact?x=1", { order: "#1001" })).toBe("/pages/contact?x=1&order=%231001");
  });

  it.each([
    ["a JSON answer", async () => new Response('{"ok":1}', { status: 201 }), { status: 201, body: { ok: 1 } }],
    ["an answer that is not JSON", async () => new Response("<html>", { status: 502 }), { status: 502, body: null }],
    ["a network failure", async () => Promise.reject(new TypeError("Failed to fetch")), { status: 0, body: null }],
  ])("GIVEN %s THEN call() resolves with the status and body, never throwing", async (_case, reply, expected) => {
    vi.stubGlobal("fetch", reply);
    expect(await (await core()).call("/x")).toMatchObject(expected);
  });

  it("GIVEN an event THEN it is posted as JSON to /events with the visitor and keepalive, and a failure is ignored", async () => {
    vi.stubGlobal("localStorage", storage({ "harbor-support:visitor": "visitor-1234" }));
    const sent: [string, RequestInit][] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => (sent.push([url, init]), Promise.reject(new TypeError("offline"))));
    (await core()).sendEvent("/apps/support", { type: "launcher_open" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([["/apps/support/events", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body: '{"type":"launcher_open","visitor":"visitor-1234"}' }]]);
  });
});
