import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_SUPPORT_SETTINGS } from "../../../../../../app/features/policies/domain/support-defaults";
import { parseSupportSettings, SupportSettingsSchema } from "../../../../../../app/features/policies/domain/support";
import { CATEGORIES, type SupportSettings } from "../../../../../../app/features/tickets/domain/types";

/** A mutable copy of the defaults with some fields replaced (values may be deliberately invalid). */
function settings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(DEFAULT_SUPPORT_SETTINGS), ...overrides };
}

/** The messages parseSupportSettings throws for a value, by dotted path (the form field key); " | " joins repeats. */
function problems(value: unknown): Record<string, string> {
  try {
    parseSupportSettings(value);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const byPath: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".");
      byPath[key] = byPath[key] === undefined ? issue.message : `${byPath[key]} | ${issue.message}`;
    }
    return byPath;
  }
  throw new Error("expected the settings to be rejected");
}

const week = (monday: unknown) => [monday, ...DEFAULT_SUPPORT_SETTINGS.businessHours.slice(1)];

describe("DEFAULT_SUPPORT_SETTINGS", () => {
  it("GIVEN the defaults THEN they are valid settings", () => {
    expect(SupportSettingsSchema.safeParse(DEFAULT_SUPPORT_SETTINGS).success).toBe(true);
  });

  it("GIVEN the defaults stored as JSON and read back THEN they parse to the same settings", () => {
    expect(parseSupportSettings(JSON.parse(JSON.stringify(DEFAULT_SUPPORT_SETTINGS)))).toEqual(DEFAULT_SUPPORT_SETTINGS);
  });

  it("GIVEN the defaults THEN the shop's time zone is followed and Monday–Friday 9:00–17:00 are open", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.timeZone).toBeNull();
    const nineToFive = { open: "09:00", close: "17:00" };
    expect(DEFAULT_SUPPORT_SETTINGS.businessHours).toEqual([
      nineToFive,
      nineToFive,
      nineToFive,
      nineToFive,
      nineToFive,
      null,
      null,
    ]);
    expect(DEFAULT_SUPPORT_SETTINGS.holidays).toEqual([]);
  });

  it("GIVEN the defaults THEN the targets are the industry tiers (P1 30 min / 4 h … P4 72 h / 7 days)", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.targets).toEqual({
      P1: { firstResponseMinutes: 30, resolutionMinutes: 240 },
      P2: { firstResponseMinutes: 120, resolutionMinutes: 2880 },
      P3: { firstResponseMinutes: 1440, resolutionMinutes: 4320 },
      P4: { firstResponseMinutes: 4320, resolutionMinutes: 10080 },
    });
  });

  it("GIVEN the defaults THEN payment is P1, product P3, other P4 and the rest P2", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.topics).toEqual({
      order_status: { priority: "P2" },
      returns: { priority: "P2" },
      payment: { priority: "P1" },
      shipping: { priority: "P2" },
      product: { priority: "P3" },
      other: { priority: "P4" },
    });
  });

  it("GIVEN the defaults THEN peak season adds 2 hours and VIPs start at 5 orders or 1000 spent", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.peakSeasonExtraMinutes).toBe(120);
    expect(DEFAULT_SUPPORT_SETTINGS.segments).toEqual({ repeatOrders: 2, vipOrders: 5, vipSpend: 1000 });
  });

  it("GIVEN the default rules THEN every category has one", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.rules.map((r) => r.category).sort()).toEqual([...CATEGORIES].sort());
  });

  it("GIVEN the default rules THEN the product brief's routing words are there", () => {
    const keywordsOf = (category: string) => DEFAULT_SUPPORT_SETTINGS.rules.find((r) => r.category === category)?.keywords;
    expect(keywordsOf("returns")).toEqual(
      expect.arrayContaining(["return", "refund", "exchange", "damaged", "broken", "wrong item"]),
    );
    expect(keywordsOf("order_status")).toEqual(
      expect.arrayContaining(["where is my order", "tracking", "never arrived", "lost"]),
    );
    expect(keywordsOf("payment")).toEqual(expect.arrayContaining(["charged twice", "card declined", "invoice"]));
  });

  it("GIVEN the default escalation words THEN asking for a person and angry words are there", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.escalation.keywords).toEqual(
      expect.arrayContaining([
        "talk to a person",
        "speak to a human",
        "real person",
        "manager",
        "unacceptable",
        "scam",
        "chargeback",
      ]),
    );
  });

  it("GIVEN the defaults THEN the storefront pages are /pages/returns, /pages/contact and /pages/faq", () => {
    expect(DEFAULT_SUPPORT_SETTINGS.pages).toEqual({ returns: "/pages/returns", contact: "/pages/contact", faq: "/pages/faq" });
  });

  it("GIVEN the defaults THEN they cannot be mutated by accident", () => {
    expect(Object.isFrozen(DEFAULT_SUPPORT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SUPPORT_SETTINGS.targets.P1)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SUPPORT_SETTINGS.rules[0]?.keywords)).toBe(true);
  });
});

describe("parseSupportSettings", () => {
  it("GIVEN padded time zone, holiday name and keywords THEN they are trimmed", () => {
    const parsed: SupportSettings = parseSupportSettings(
      settings({
        timeZone: " America/Toronto ",
        holidays: [{ date: "2026-12-25", name: "  Christmas " }],
        escalation: { keywords: ["  manager "] },
      }),
    );
    expect(parsed.timeZone).toBe("America/Toronto");
    expect(parsed.holidays).toEqual([{ date: "2026-12-25", name: "Christmas" }]);
    expect(parsed.escalation.keywords).toEqual(["manager"]);
  });

  it.each([null, "settings", 42, []])("GIVEN %j instead of an object THEN the whole document is refused in words", (value) => {
    expect(problems(value)).toEqual({ "": "Support settings must be an object" });
  });

  it("GIVEN an unknown top-level field THEN it is refused and named", () => {
    expect(problems(settings({ slaMinutes: 10 }))).toEqual({ "": 'Support settings: unknown field "slaMinutes"' });
  });

  it("GIVEN an unknown field inside a day's hours THEN it is refused at that day", () => {
    expect(problems(settings({ businessHours: week({ open: "09:00", close: "17:00", lunch: "12:00" }) }))).toEqual({
      "businessHours.0": 'Each day: unknown field "lunch"',
    });
  });

  describe("time zone", () => {
    it("GIVEN null THEN the shop's time zone is followed", () => {
      expect(parseSupportSettings(settings({ timeZone: null })).timeZone).toBeNull();
    });

    it("GIVEN an unknown name THEN it is refused with an example", () => {
      expect(problems(settings({ timeZone: "Mars/Olympus_Mons" }))).toEqual({
        timeZone:
          '"Mars/Olympus_Mons" is not a known time zone: use a name such as America/Toronto, or follow the shop\'s time zone',
      });
    });

    it("GIVEN a blank name THEN it is refused", () => {
      expect(Object.keys(problems(settings({ timeZone: "   " })))).toEqual(["timeZone"]);
    });

    it("GIVEN a missing time zone THEN it must be chosen", () => {
      const { timeZone: _dropped, ...rest } = settings();
      expect(problems(rest)).toEqual({ timeZone: "Choose a time zone, or follow the shop's time zone" });
    });
  });

  describe("business hours", () => {
    it("GIVEN 6 days THEN all 7 must be listed", () => {
      expect(problems(settings({ businessHours: DEFAULT_SUPPORT_SETTINGS.businessHours.slice(0, 6) }))).toEqual({
        businessHours: "Business hours must list the 7 days of the week, starting on Monday",
      });
    });

    it("GIVEN every day closed THEN at least one must be open", () => {
      expect(problems(settings({ businessHours: [null, null, null, null, null, null, null] }))).toEqual({
        businessHours: "Open on at least one day of the week",
      });
    });

    it("GIVEN an opening time without a leading zero THEN it is refused at that day's field", () => {
      expect(problems(settings({ businessHours: week({ open: "9:00", close: "17:00" }) }))).toEqual({
        "businessHours.0.open": "Opening time must be a 24-hour time like 09:00",
      });
    });

    it("GIVEN a closing time of 25:00 THEN it is refused", () => {
      expect(problems(settings({ businessHours: week({ open: "09:00", close: "25:00" }) }))).toEqual({
        "businessHours.0.close": "Closing time must be a 24-hour time like 17:00 (24:00 for midnight)",
      });
    });

    it("GIVEN a closing time before the opening time THEN overnight hours are refused", () => {
      expect(problems(settings({ businessHours: week({ open: "22:00", close: "02:00" }) }))).toEqual({
        "businessHours.0.close": "Closing time must be after opening time (overnight hours are not supported)",
      });
    });

    it("GIVEN a closing time equal to the opening time THEN it is refused", () => {
      expect(Object.keys(problems(settings({ businessHours: week({ open: "09:00", close: "09:00" }) })))).toEqual([
        "businessHours.0.close",
      ]);
    });

    it("GIVEN closing at 24:00 THEN the day is open until midnight", () => {
      expect(parseSupportSettings(settings({ businessHours: week({ open: "18:00", close: "24:00" }) })).businessHours[0]).toEqual(
        {
          open: "18:00",
          close: "24:00",
        },
      );
    });

    it("GIVEN opening at 24:00 THEN it is refused", () => {
      expect(Object.keys(problems(settings({ businessHours: week({ open: "24:00", close: "24:00" }) })))).toEqual([
        "businessHours.0.open",
      ]);
    });

    it("GIVEN a day written as text THEN it must be closed or have times", () => {
      expect(problems(settings({ businessHours: week("closed") }))).toEqual({
        "businessHours.0": "Each day must be closed or have an opening and a closing time",
      });
    });
  });

  describe("holidays", () => {
    it("GIVEN the same date twice THEN the second is reported", () => {
      const holidays = [
        { date: "2026-12-25", name: "Christmas" },
        { date: "2026-12-25", name: "Christmas Day" },
      ];
      expect(problems(settings({ holidays }))).toEqual({ "holidays.1.date": "2026-12-25 is listed as a holiday more than once" });
    });

    it.each(["2026-02-30", "2026-13-01", "25/12/2026", "2026-1-5"])(
      "GIVEN the date %s THEN it must be a real YYYY-MM-DD date",
      (date) => {
        expect(problems(settings({ holidays: [{ date, name: "Holiday" }] }))).toEqual({
          "holidays.0.date": "Holiday date must be a real date written YYYY-MM-DD, e.g. 2026-12-25",
        });
      },
    );

    it("GIVEN a blank name THEN it is refused", () => {
      expect(problems(settings({ holidays: [{ date: "2026-12-25", name: "  " }] }))).toEqual({
        "holidays.0.name": "Holiday name cannot be blank",
      });
    });
  });

  describe("targets", () => {
    const targets = (p1: Record<string, unknown>) => ({ ...structuredClone(DEFAULT_SUPPORT_SETTINGS.targets), P1: p1 });

    it("GIVEN a 0-minute target THEN targets must be at least 1 minute", () => {
      expect(problems(settings({ targets: targets({ firstResponseMinutes: 0, resolutionMinutes: 240 }) }))).toEqual({
        "targets.P1.firstResponseMinutes": "P1 first response target must be at least 1 minute",
      });
    });

    it("GIVEN a fractional target THEN it must be whole minutes", () => {
      expect(problems(settings({ targets: targets({ firstResponseMinutes: 30, resolutionMinutes: 240.5 }) }))).toEqual({
        "targets.P1.resolutionMinutes": "P1 resolution target must be a whole number of minutes",
      });
    });

    it("GIVEN a target given as text THEN it must be a number", () => {
      expect(problems(settings({ targets: targets({ firstResponseMinutes: "30", resolutionMinutes: 240 }) }))).toEqual({
        "targets.P1.firstResponseMinutes": "P1 first response target must be a number of minutes",
      });
    });

    it("GIVEN a first response later than the resolution THEN the first response is reported", () => {
      expect(problems(settings({ targets: targets({ firstResponseMinutes: 300, resolutionMinutes: 240 }) }))).toEqual({
        "targets.P1.firstResponseMinutes": "P1 first response target cannot be longer than its resolution target",
      });
    });

    it("GIVEN a target above 30 days THEN it is refused", () => {
      expect(problems(settings({ targets: targets({ firstResponseMinutes: 30, resolutionMinutes: 43_201 }) }))).toEqual({
        "targets.P1.resolutionMinutes": "P1 resolution target must be at most 43200 minutes (30 days)",
      });
    });

    it("GIVEN a missing priority and an extra one THEN both are reported", () => {
      const { P2: _dropped, ...rest } = structuredClone(DEFAULT_SUPPORT_SETTINGS.targets);
      expect(problems(settings({ targets: { ...rest, P5: { firstResponseMinutes: 1, resolutionMinutes: 1 } } }))).toEqual({
        "targets.P2": "P2 targets must be filled in",
        targets: 'Response targets: unknown field "P5"',
      });
    });
  });

  describe("topics, peak season, rules and escalation", () => {
    it("GIVEN a topic with priority P5 THEN it is refused at that topic", () => {
      const topics = { ...structuredClone(DEFAULT_SUPPORT_SETTINGS.topics), payment: { priority: "P5" } };
      expect(problems(settings({ topics }))).toEqual({
        "topics.payment.priority": "Priority for topic payment must be P1, P2, P3 or P4",
      });
    });

    it("GIVEN negative peak-season minutes THEN they are refused", () => {
      expect(problems(settings({ peakSeasonExtraMinutes: -5 }))).toEqual({
        peakSeasonExtraMinutes: "Peak-season extra time cannot be negative",
      });
    });

    it("GIVEN zero peak-season minutes THEN peak season changes nothing and that is allowed", () => {
      expect(parseSupportSettings(settings({ peakSeasonExtraMinutes: 0 })).peakSeasonExtraMinutes).toBe(0);
    });

    it("GIVEN a rule for an unknown category THEN the categories are listed", () => {
      expect(problems(settings({ rules: [{ category: "billing", keywords: ["invoice"] }] }))).toEqual({
        "rules.0.category": "Rule category must be one of order_status, returns, payment, shipping, product, other",
      });
    });

    it("GIVEN a rule without keywords THEN at least one is needed", () => {
      expect(problems(settings({ rules: [{ category: "payment", keywords: [] }] }))).toEqual({
        "rules.0.keywords": "List at least one keyword for the rule",
      });
    });

    it("GIVEN a blank keyword THEN it is refused at its position", () => {
      expect(problems(settings({ rules: [{ category: "payment", keywords: ["invoice", "   "] }] }))).toEqual({
        "rules.0.keywords.1": "Keyword cannot be blank",
      });
    });

    it("GIVEN a keyword of punctuation only THEN it could never match and is refused", () => {
      expect(problems(settings({ escalation: { keywords: ["!!!"] } }))).toEqual({
        "escalation.keywords.0": "Escalation keyword needs at least one letter or digit",
      });
    });

    it("GIVEN no escalation keywords THEN escalation by wording is simply off", () => {
      expect(parseSupportSettings(settings({ escalation: { keywords: [] } })).escalation.keywords).toEqual([]);
    });

    it("GIVEN no rules THEN every ticket falls back to its topic and that is allowed", () => {
      expect(parseSupportSettings(settings({ rules: [] })).rules).toEqual([]);
    });
  });

  describe("segments", () => {
    it("GIVEN repeat customers from 1 order THEN they need at least 2", () => {
      expect(problems(settings({ segments: { repeatOrders: 1, vipOrders: 5, vipSpend: 1000 } }))).toEqual({
        "segments.repeatOrders": "Repeat customers have at least 2 orders",
      });
    });

    it("GIVEN a VIP order count below the repeat count THEN the VIP count is reported", () => {
      expect(problems(settings({ segments: { repeatOrders: 4, vipOrders: 3, vipSpend: 1000 } }))).toEqual({
        "segments.vipOrders": "VIP order count must be at least the repeat-customer order count",
      });
    });

    it("GIVEN a VIP spend of 0 THEN it must be more than 0", () => {
      expect(problems(settings({ segments: { repeatOrders: 2, vipOrders: 5, vipSpend: 0 } }))).toEqual({
        "segments.vipSpend": "VIP spend must be more than 0",
      });
    });

    it("GIVEN a VIP spend in fractions of a cent THEN it is refused", () => {
      expect(problems(settings({ segments: { repeatOrders: 2, vipOrders: 5, vipSpend: 999.999 } }))).toEqual({
        "segments.vipSpend": "VIP spend must be in whole cents (at most 2 decimals)",
      });
    });

    it("GIVEN segments missing THEN they must be filled in", () => {
      const { segments: _dropped, ...rest } = settings();
      expect(problems(rest)).toEqual({ segments: "Customer segments must be filled in" });
    });
  });

  describe("storefront pages", () => {
    const pages = (returns: unknown) => settings({ pages: { ...DEFAULT_SUPPORT_SETTINGS.pages, returns } });
    const message = "Returns page must be a path on your shop starting with / (like /pages/returns) or an https:// address";

    it.each(["/pages/retours", "/pages/returns?ref=email#start", "https://help.example.com/returns"])(
      "GIVEN %j THEN it is accepted as the returns page",
      (link) => {
        expect(parseSupportSettings(pages(link)).pages.returns).toBe(link);
      },
    );

    it("GIVEN a padded path THEN it is trimmed", () => {
      expect(parseSupportSettings(pages("  /pages/returns  ")).pages.returns).toBe("/pages/returns");
    });

    it("GIVEN a document saved before pages existed THEN it reads with the default pages", () => {
      const { pages: _dropped, ...rest } = settings();
      expect(parseSupportSettings(rest).pages).toEqual(DEFAULT_SUPPORT_SETTINGS.pages);
    });

    it.each([
      ["a path without the leading slash", "pages/returns"],
      ["a protocol-relative link to another site", "//evil.example/returns"],
      ["a backslash that browsers read as a slash", "/\\evil.example/returns"],
      ["plain http", "http://shop.example.com/pages/returns"],
      ["a javascript: link", "javascript:alert(1)"],
      ["a data: link", "data:text/html,<script>alert(1)</script>"],
      ["credentials in the address", "https://user:secret@shop.example.com/pages/returns"],
      ["a space inside the path", "/pages/my returns"],
      ["a control character", "/pages/returns\u0000"],
      ["a line break (header injection in emails)", "/pages/returns\r\nBcc: x@example.com"],
    ])("GIVEN %s THEN it is refused at pages.returns", (_, link) => {
      expect(problems(pages(link))).toEqual({ "pages.returns": message });
    });

    it("GIVEN a blank page THEN it is required", () => {
      expect(problems(pages("   "))).toEqual({ "pages.returns": "Returns page is required" });
    });

    it("GIVEN a page of 300 characters THEN it is accepted, and of 301 THEN it is refused", () => {
      const path = (length: number) => `/pages/${"a".repeat(length - 7)}`;
      expect(parseSupportSettings(pages(path(300))).pages.returns).toHaveLength(300);
      expect(problems(pages(path(301)))).toEqual({ "pages.returns": "Returns page must be at most 300 characters" });
    });

    it("GIVEN a number instead of a page THEN it is refused in words", () => {
      expect(problems(pages(42))).toEqual({ "pages.returns": "Returns page must be text like /pages/returns" });
    });

    it("GIVEN an unknown page THEN it is refused and named", () => {
      expect(problems(settings({ pages: { ...DEFAULT_SUPPORT_SETTINGS.pages, blog: "/blogs/news" } }))).toEqual({
        pages: 'Storefront pages: unknown field "blog"',
      });
    });
  });
});
