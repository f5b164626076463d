import { describe, expect, it } from "vitest";
import { parseQueueParams } from "../../../../../app/features/returns/queue.server";

describe("queue URL", () => {
  it("GIVEN no parameters THEN the Requested tab, page 1", () => {
    expect(parseQueueParams(new URL("https://a/app/returns"))).toEqual({ status: "requested", page: 1 });
  });

  it("GIVEN a tab and a page THEN both are kept", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?status=declined&page=3"))).toEqual({ status: "declined", page: 3 });
  });

  it("GIVEN an unknown tab and a nonsense page THEN the defaults, not an error", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?status=everything&page=-2"))).toEqual({ status: "requested", page: 1 });
  });
});
