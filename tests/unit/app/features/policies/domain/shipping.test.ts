import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  DEFAULT_SHIPPING_POLICY,
  isPeakSeason,
  parseShippingPolicy,
  ShippingPolicySchema,
  type ShippingPolicy,
} from "../../../../../../app/features/policies/domain/shipping";

/** A mutable copy of the defaults with some fields replaced (values may be deliberately invalid). */
function policy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(DEFAULT_SHIPPING_POLICY), ...overrides };
}

function peak(overrides: Record<string, unknown>): Record<string, unknown> {
  return policy({ peakSeason: { ...structuredClone(DEFAULT_SHIPPING_POLICY.peakSeason), ...overrides } });
}

/** The messages parseShippingPolicy throws for a value, by dotted path (the form field key); " | " joins repeats. */
function problems(value: unknown): Record<string, string> {
  try {
    parseShippingPolicy(value);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const byPath: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".");
      byPath[key] = byPath[key] === undefined ? issue.message : `${byPath[key]} | ${issue.message}`;
    }
    return byPath;
  }
  throw new Error("expected the policy to be rejected");
}

const region = (name: string, minDays = 2, maxDays = 5, price = 9.95) => ({ name, minDays, maxDays, price });

describe("DEFAULT_SHIPPING_POLICY", () => {
  it("GIVEN the defaults THEN they are a valid policy", () => {
    expect(ShippingPolicySchema.safeParse(DEFAULT_SHIPPING_POLICY).success).toBe(true);
  });

  it("GIVEN the defaults stored as JSON and read back THEN they parse to the same policy", () => {
    expect(parseShippingPolicy(JSON.parse(JSON.stringify(DEFAULT_SHIPPING_POLICY)))).toEqual(DEFAULT_SHIPPING_POLICY);
  });

  it("GIVEN the defaults THEN 1–2 processing days, Canada Post and UPS, three regions, free over 100", () => {
    expect(DEFAULT_SHIPPING_POLICY).toMatchObject({
      version: 1,
      processingDays: { min: 1, max: 2 },
      carriers: ["Canada Post", "UPS"],
      regions: [region("Canada", 2, 5, 9.95), region("United States", 4, 8, 14.95), region("International", 7, 21, 29.95)],
      freeShippingThreshold: 100,
    });
  });

  it("GIVEN the defaults THEN peak season is prepared for Nov 15 – Dec 31 2026 but switched off", () => {
    expect(DEFAULT_SHIPPING_POLICY.peakSeason).toEqual({
      enabled: false,
      startsOn: "2026-11-15",
      endsOn: "2026-12-31",
      message: "Order by the cut-off dates to receive your order before the holidays.",
      cutoffs: [
        { label: "Standard shipping", date: "2026-12-15" },
        { label: "Express shipping", date: "2026-12-20" },
      ],
    });
  });

  it("GIVEN the defaults THEN they cannot be mutated by accident", () => {
    expect(Object.isFrozen(DEFAULT_SHIPPING_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SHIPPING_POLICY.regions[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_SHIPPING_POLICY.peakSeason.cutoffs)).toBe(true);
  });
});

describe("parseShippingPolicy", () => {
  it("GIVEN padded names THEN they are trimmed", () => {
    const parsed: ShippingPolicy = parseShippingPolicy(policy({ carriers: [" UPS "], regions: [region("  Canada ")] }));
    expect(parsed.carriers).toEqual(["UPS"]);
    expect(parsed.regions[0]?.name).toBe("Canada");
  });

  it.each([null, "policy", []])("GIVEN %j instead of an object THEN the whole policy is refused in words", (value) => {
    expect(problems(value)).toEqual({ "": "Shipping policy must be an object" });
  });

  it("GIVEN an unknown field THEN it is refused and named", () => {
    expect(problems(policy({ handlingFee: 2 }))).toEqual({ "": 'Shipping policy: unknown field "handlingFee"' });
  });

  it("GIVEN a missing section THEN it must be filled in", () => {
    const { processingDays: _dropped, ...rest } = policy();
    expect(problems(rest)).toEqual({ processingDays: "Processing time must be filled in" });
  });

  describe("processing days", () => {
    it("GIVEN a maximum below the minimum THEN the maximum is reported", () => {
      expect(problems(policy({ processingDays: { min: 3, max: 1 } }))).toEqual({
        "processingDays.max": "Longest processing time must be at least the shortest",
      });
    });

    it("GIVEN half a day THEN whole days are required", () => {
      expect(problems(policy({ processingDays: { min: 0.5, max: 2 } }))).toEqual({
        "processingDays.min": "Shortest processing time must be a whole number of days",
      });
    });

    it("GIVEN a negative minimum THEN it is refused", () => {
      expect(problems(policy({ processingDays: { min: -1, max: 2 } }))).toEqual({
        "processingDays.min": "Shortest processing time cannot be negative",
      });
    });

    it("GIVEN same-day processing (0–0) THEN it is allowed", () => {
      expect(parseShippingPolicy(policy({ processingDays: { min: 0, max: 0 } })).processingDays).toEqual({ min: 0, max: 0 });
    });
  });

  describe("carriers and regions", () => {
    it("GIVEN the same carrier twice in different case THEN the second is reported", () => {
      expect(problems(policy({ carriers: ["UPS", "ups"] }))).toEqual({ "carriers.1": 'Carrier "ups" is listed more than once' });
    });

    it("GIVEN a blank carrier THEN it is refused", () => {
      expect(problems(policy({ carriers: ["  "] }))).toEqual({ "carriers.0": "Carrier name cannot be blank" });
    });

    it("GIVEN no region THEN at least one is needed", () => {
      expect(problems(policy({ regions: [] }))).toEqual({ regions: "List at least one shipping region" });
    });

    it("GIVEN two regions with the same name apart from case and spaces THEN the second is reported", () => {
      expect(problems(policy({ regions: [region("Canada"), region(" canada ")] }))).toEqual({
        "regions.1.name": 'Region "canada" is listed more than once',
      });
    });

    it("GIVEN a slowest transit time below the fastest THEN the slowest is reported", () => {
      expect(problems(policy({ regions: [region("Canada", 5, 2)] }))).toEqual({
        "regions.0.maxDays": "Slowest transit time must be at least the fastest",
      });
    });

    it("GIVEN a price in fractions of a cent THEN it is refused", () => {
      expect(problems(policy({ regions: [region("Canada", 2, 5, 9.999)] }))).toEqual({
        "regions.0.price": "Shipping price must be in whole cents (at most 2 decimals)",
      });
    });

    it("GIVEN a negative price THEN it is refused", () => {
      expect(problems(policy({ regions: [region("Canada", 2, 5, -1)] }))).toEqual({
        "regions.0.price": "Shipping price cannot be negative",
      });
    });

    it("GIVEN a price of 0 THEN the region ships free", () => {
      expect(parseShippingPolicy(policy({ regions: [region("Canada", 2, 5, 0)] })).regions[0]?.price).toBe(0);
    });

    it("GIVEN a region with an unknown field THEN it is named", () => {
      expect(problems(policy({ regions: [{ ...region("Canada"), zone: "A" }] }))).toEqual({
        "regions.0": 'Region: unknown field "zone"',
      });
    });
  });

  describe("free-shipping threshold", () => {
    it("GIVEN null THEN shipping is never free and that is allowed", () => {
      expect(parseShippingPolicy(policy({ freeShippingThreshold: null })).freeShippingThreshold).toBeNull();
    });

    it("GIVEN a negative threshold THEN it is refused", () => {
      expect(problems(policy({ freeShippingThreshold: -10 }))).toEqual({
        freeShippingThreshold: "Free-shipping threshold cannot be negative",
      });
    });

    it("GIVEN a threshold written as text THEN it must be a number", () => {
      expect(problems(policy({ freeShippingThreshold: "100" }))).toEqual({
        freeShippingThreshold: "Free-shipping threshold must be a number",
      });
    });
  });

  describe("peak season", () => {
    it("GIVEN an end before the start THEN the end is reported", () => {
      expect(problems(peak({ startsOn: "2026-12-01", endsOn: "2026-11-30", cutoffs: [] }))).toEqual({
        "peakSeason.endsOn": "Peak season cannot end before it starts",
      });
    });

    it("GIVEN a one-day season THEN it is allowed", () => {
      expect(parseShippingPolicy(peak({ startsOn: "2026-11-27", endsOn: "2026-11-27", cutoffs: [] })).peakSeason.endsOn).toBe(
        "2026-11-27",
      );
    });

    it("GIVEN an impossible date THEN it must be a real date", () => {
      expect(problems(peak({ startsOn: "2026-11-31" }))).toEqual({
        "peakSeason.startsOn": "Peak season start must be a real date written YYYY-MM-DD, e.g. 2026-12-15",
      });
    });

    it("GIVEN a cut-off after the season ends THEN that cut-off is reported", () => {
      const cutoffs = [{ label: "Standard shipping", date: "2027-01-05" }];
      expect(problems(peak({ cutoffs }))).toEqual({
        "peakSeason.cutoffs.0.date": "Cut-off date must be on or before the end of peak season (2026-12-31)",
      });
    });

    it("GIVEN a cut-off before the season starts THEN it is allowed (order early)", () => {
      const cutoffs = [{ label: "International", date: "2026-11-01" }];
      expect(parseShippingPolicy(peak({ cutoffs })).peakSeason.cutoffs).toEqual(cutoffs);
    });

    it("GIVEN two cut-offs with the same label THEN the second is reported", () => {
      const cutoffs = [
        { label: "Standard shipping", date: "2026-12-15" },
        { label: "standard shipping", date: "2026-12-16" },
      ];
      expect(problems(peak({ cutoffs }))).toEqual({
        "peakSeason.cutoffs.1.label": 'Cut-off "standard shipping" is listed more than once',
      });
    });

    it("GIVEN peak season on with a blank message THEN the banner text is required", () => {
      expect(problems(peak({ enabled: true, message: "   " }))).toEqual({
        "peakSeason.message": "Write the banner message shoppers see in peak season",
      });
    });

    it("GIVEN peak season off with a blank message THEN it is allowed", () => {
      expect(parseShippingPolicy(peak({ enabled: false, message: "" })).peakSeason.message).toBe("");
    });

    it("GIVEN enabled written as text THEN it must be on or off", () => {
      expect(problems(peak({ enabled: "yes" }))).toEqual({ "peakSeason.enabled": "Say whether peak season is on" });
    });
  });
});

describe("isPeakSeason", () => {
  const enabled = { peakSeason: { ...DEFAULT_SHIPPING_POLICY.peakSeason, enabled: true } };

  it("GIVEN peak season switched off THEN it is never peak season", () => {
    expect(isPeakSeason(DEFAULT_SHIPPING_POLICY, new Date("2026-12-01T17:00:00Z"), "America/Toronto")).toBe(false);
  });

  it("GIVEN midnight of the first day in Toronto THEN it is peak season", () => {
    expect(isPeakSeason(enabled, new Date("2026-11-15T05:00:00Z"), "America/Toronto")).toBe(true);
  });

  it("GIVEN one millisecond before the first day in Toronto THEN it is not yet peak season", () => {
    expect(isPeakSeason(enabled, new Date("2026-11-15T04:59:59.999Z"), "America/Toronto")).toBe(false);
  });

  it("GIVEN the last minute of the last day in Toronto THEN it is still peak season", () => {
    expect(isPeakSeason(enabled, new Date("2027-01-01T04:59:00Z"), "America/Toronto")).toBe(true);
  });

  it("GIVEN New Year's Day in Toronto THEN peak season is over", () => {
    expect(isPeakSeason(enabled, new Date("2027-01-01T05:00:00Z"), "America/Toronto")).toBe(false);
  });

  it("GIVEN the same instant THEN the shop's calendar decides (already Nov 15 in Auckland, still Nov 14 in Toronto)", () => {
    const instant = new Date("2026-11-14T11:30:00Z");
    expect(isPeakSeason(enabled, instant, "Pacific/Auckland")).toBe(true);
    expect(isPeakSeason(enabled, instant, "America/Toronto")).toBe(false);
  });

  it("GIVEN an unknown time zone THEN a RangeError is thrown", () => {
    expect(() => isPeakSeason(enabled, new Date("2026-12-01T00:00:00Z"), "Nowhere/Land")).toThrow(RangeError);
  });
});
