import { describe, expect, it } from "vitest";
import { DEFAULT_SUPPORT_SETTINGS } from "../../../../../app/features/policies/domain/support-defaults";
import { CATEGORIES, type SupportSettings } from "../../../../../app/features/tickets/domain/types";
import { FORM_ERROR, parseDocumentForm } from "../../../../../app/features/policies/policy-form";
import {
  durationMinutes,
  durationToForm,
  formToSupport,
  keywordList,
  SUPPORT_FORM,
  supportToForm,
  timeZoneChoices,
  type SupportFormValues,
} from "../../../../../app/features/policies/support-form";

const defaults = () => supportToForm(DEFAULT_SUPPORT_SETTINGS);
const submit = (change: (form: SupportFormValues) => void = () => {}) => {
  const form = defaults();
  change(form);
  return parseDocumentForm(SUPPORT_FORM, JSON.stringify(form));
};
const errorsOf = (result: ReturnType<typeof submit>) => (result.ok ? {} : result.errors);
const saved = (change: (form: SupportFormValues) => void): Omit<SupportSettings, "version"> => {
  const result = submit(change);
  if (!result.ok) throw new Error(`expected the form to be valid: ${JSON.stringify(result.errors)}`);
  return result.document;
};
const { version: _version, ...defaultDocument } = DEFAULT_SUPPORT_SETTINGS;

describe("durations as typed", () => {
  it.each([
    [30, { amount: "30", unit: "minutes" }],
    [90, { amount: "90", unit: "minutes" }],
    [120, { amount: "2", unit: "hours" }],
    [10080, { amount: "168", unit: "hours" }],
    [0, { amount: "0", unit: "minutes" }],
  ])("GIVEN %i minutes THEN the form shows %j", (minutes, form) => {
    expect(durationToForm(minutes)).toEqual(form);
  });

  it("GIVEN 1.5 hours THEN it is 90 minutes", () => {
    expect(durationMinutes({ amount: "1.5", unit: "hours" })).toBe(90);
  });

  it("GIVEN hours that are not whole minutes THEN they round to the minute", () => {
    expect(durationMinutes({ amount: "1.33", unit: "hours" })).toBe(80);
  });

  it("GIVEN fractional minutes THEN they are left for the schema to refuse", () => {
    expect(durationMinutes({ amount: "1.5", unit: "minutes" })).toBe(1.5);
  });

  it("GIVEN a word or nothing THEN the schema gets the word, or nothing (its 'required')", () => {
    expect(durationMinutes({ amount: "soon", unit: "hours" })).toBe("soon");
    expect(durationMinutes({ amount: " ", unit: "hours" })).toBeUndefined();
  });
});

describe("keywordList", () => {
  it("GIVEN commas and new lines THEN each separates a keyword, padding trimmed", () => {
    expect(keywordList("refund, exchange\nstore credit ,\n\n wrong size")).toEqual(["refund", "exchange", "store credit", "wrong size"]);
  });

  it("GIVEN repeats in another case and blanks THEN each keyword is kept once, as first written", () => {
    expect(keywordList("Refund, refund,, REFUND , ")).toEqual(["Refund"]);
  });

  it("GIVEN an apostrophe THEN the phrase stays whole", () => {
    expect(keywordList("where's my order")).toEqual(["where's my order"]);
  });
});

describe("support form ↔ settings", () => {
  it("GIVEN the defaults THEN form → settings gives them back exactly, without a version", () => {
    expect(submit()).toEqual({ ok: true, document: defaultDocument });
  });

  it("GIVEN the defaults THEN closed days keep 9–17 for when they reopen, and the shop's time zone is ''", () => {
    const form = defaults();
    expect(form.timeZone).toBe("");
    expect(form.businessHours[5]).toEqual({ closed: true, open: "09:00", close: "17:00" });
    expect(form.businessHours[0]).toEqual({ closed: false, open: "09:00", close: "17:00" });
  });

  it("GIVEN targets in whole hours THEN they show in hours, the rest in minutes", () => {
    expect(defaults().targets.P1).toEqual({ firstResponse: { amount: "30", unit: "minutes" }, resolution: { amount: "4", unit: "hours" } });
  });

  it("GIVEN two rules for one category THEN the form shows their keywords in one field", () => {
    const form = supportToForm({
      ...DEFAULT_SUPPORT_SETTINGS,
      rules: [
        { category: "returns", keywords: ["refund"] },
        { category: "shipping", keywords: ["customs"] },
        { category: "returns", keywords: ["exchange"] },
      ],
    });
    expect(form.rules.returns.keywords).toBe("refund, exchange");
    expect(form.rules.payment.keywords).toBe("");
  });

  it("GIVEN a category with no keywords THEN it gets no rule, and the others keep category order", () => {
    const candidate = formToSupport({ ...defaults(), rules: { ...defaults().rules, order_status: { keywords: " , " } } });
    expect(candidate.rules.map((r) => r.category)).toEqual(CATEGORIES.filter((c) => c !== "order_status"));
  });

  it("GIVEN a chosen time zone THEN it is saved; GIVEN '' THEN the shop's is followed (null)", () => {
    expect(saved((f) => (f.timeZone = "America/Toronto")).timeZone).toBe("America/Toronto");
    expect(saved((f) => (f.timeZone = "")).timeZone).toBeNull();
  });

  it("GIVEN Saturday opened 10–14 THEN it is saved; a closed day is saved as null", () => {
    const document = saved((f) => (f.businessHours[5] = { closed: false, open: "10:00", close: "14:00" }));
    expect(document.businessHours[5]).toEqual({ open: "10:00", close: "14:00" });
    expect(document.businessHours[6]).toBeNull();
  });

  it("GIVEN a closed day with garbage in its times THEN the times are not judged", () => {
    expect(submit((f) => (f.businessHours[6] = { closed: true, open: "late", close: "" }))).toMatchObject({ ok: true });
  });

  it("GIVEN P1 typed as 1 hour / 8 hours THEN 60 and 480 minutes are saved", () => {
    const document = saved(
      (f) => (f.targets.P1 = { firstResponse: { amount: "1", unit: "hours" }, resolution: { amount: "8", unit: "hours" } }),
    );
    expect(document.targets.P1).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 480 });
  });

  it("GIVEN new storefront pages THEN they are saved trimmed", () => {
    const document = saved((f) => (f.pages = { returns: " /pages/retours ", contact: "https://help.example.com/contact", faq: "/pages/faq" }));
    expect(document.pages).toEqual({ returns: "/pages/retours", contact: "https://help.example.com/contact", faq: "/pages/faq" });
  });
});

describe("support form: errors by field", () => {
  it("GIVEN an unknown time zone THEN the select reports it", () => {
    expect(errorsOf(submit((f) => (f.timeZone = "Mars/Olympus_Mons")))).toEqual({
      timeZone: '"Mars/Olympus_Mons" is not a known time zone: use a name such as America/Toronto, or follow the shop\'s time zone',
    });
  });

  it("GIVEN Monday closing before it opens THEN Monday's closing time is reported", () => {
    expect(errorsOf(submit((f) => (f.businessHours[0] = { closed: false, open: "17:00", close: "09:00" })))).toEqual({
      "businessHours.0.close": "Closing time must be after opening time (overnight hours are not supported)",
    });
  });

  it("GIVEN every day closed THEN the week is reported", () => {
    expect(errorsOf(submit((f) => f.businessHours.forEach((day) => (day.closed = true))))).toEqual({
      businessHours: "Open on at least one day of the week",
    });
  });

  it("GIVEN the same holiday twice THEN the second row's date is reported", () => {
    const errors = errorsOf(
      submit(
        (f) =>
          (f.holidays = [
            { date: "2026-12-25", name: "Christmas" },
            { date: "2026-12-25", name: "Christmas again" },
          ]),
      ),
    );
    expect(errors).toEqual({ "holidays.1.date": "2026-12-25 is listed as a holiday more than once" });
  });

  it("GIVEN a first response longer than the resolution THEN the error sits on the first-response field, not on a minutes path", () => {
    const errors = errorsOf(submit((f) => (f.targets.P2.firstResponse = { amount: "72", unit: "hours" })));
    expect(errors).toEqual({ "targets.P2.firstResponse": "P2 first response target cannot be longer than its resolution target" });
  });

  it("GIVEN a resolution of 31 days in hours THEN its field reports the 30-day limit", () => {
    const errors = errorsOf(submit((f) => (f.targets.P4.resolution = { amount: String(31 * 24), unit: "hours" })));
    expect(errors).toEqual({ "targets.P4.resolution": "P4 resolution target must be at most 43200 minutes (30 days)" });
  });

  it("GIVEN a blank first response THEN it is required, on its field", () => {
    expect(errorsOf(submit((f) => (f.targets.P3.firstResponse.amount = "")))).toEqual({
      "targets.P3.firstResponse": "P3 first response target is required",
    });
  });

  it("GIVEN negative peak-season extra time THEN its field reports it", () => {
    expect(errorsOf(submit((f) => (f.peakSeasonExtra = { amount: "-1", unit: "hours" })))).toEqual({
      peakSeasonExtra: "Peak-season extra time cannot be negative",
    });
  });

  it("GIVEN a priority that does not exist THEN the topic's select reports it", () => {
    expect(errorsOf(submit((f) => (f.topics.payment.priority = "P0")))).toEqual({ "topics.payment.priority": "Priority for topic payment must be P1, P2, P3 or P4" });
  });

  it("GIVEN a keyword without letters or digits after empty categories THEN its own category's field reports it, naming the keyword", () => {
    const errors = errorsOf(
      submit((f) => {
        f.rules.order_status.keywords = "";
        f.rules.returns.keywords = "refund, !!!";
      }),
    );
    expect(errors).toEqual({ "rules.returns.keywords": '"!!!": Keyword needs at least one letter or digit' });
  });

  it("GIVEN an escalation keyword over 100 characters THEN the escalation field reports it, naming the keyword", () => {
    const long = "x".repeat(101);
    expect(errorsOf(submit((f) => (f.escalation.keywords = `manager, ${long}`)))).toEqual({
      "escalation.keywords": `"${long}": Escalation keyword must be at most 100 characters`,
    });
  });

  it("GIVEN a VIP spend of 0 THEN its field reports it", () => {
    expect(errorsOf(submit((f) => (f.segments.vipSpend = "0")))).toEqual({ "segments.vipSpend": "VIP spend must be more than 0" });
  });

  it.each([
    ["a protocol-relative link", "//evil.example/returns"],
    ["a javascript: link", "javascript:alert(1)"],
    ["a path without its slash", "pages/returns"],
  ])("GIVEN %s for the returns page THEN its field reports it", (_, link) => {
    expect(errorsOf(submit((f) => (f.pages.returns = link)))).toEqual({
      "pages.returns": "Returns page must be a path on your shop starting with / (like /pages/returns) or an https:// address",
    });
  });

  it.each([
    ["not JSON", "{"],
    ["six days of hours", JSON.stringify({ ...defaults(), businessHours: defaults().businessHours.slice(1) })],
    ["a unit that does not exist", JSON.stringify({ ...defaults(), peakSeasonExtra: { amount: "1", unit: "weeks" } })],
    ["a topic left out", JSON.stringify({ ...defaults(), topics: { ...defaults().topics, payment: undefined } })],
    ["pages that are not text", JSON.stringify({ ...defaults(), pages: { returns: ["/a"], contact: "/c", faq: "/f" } })],
  ])("GIVEN %s THEN it is a form-level error, nothing more", (_, body) => {
    expect(parseDocumentForm(SUPPORT_FORM, body)).toEqual({ ok: false, errors: { [FORM_ERROR]: expect.stringContaining("could not be read") } });
  });
});

describe("timeZoneChoices", () => {
  it("GIVEN the platform's zones THEN UTC is added and the list is sorted without repeats", () => {
    expect(timeZoneChoices(null, ["Europe/Paris", "America/Toronto", "UTC"])).toEqual(["America/Toronto", "Europe/Paris", "UTC"]);
  });

  it("GIVEN a saved zone the platform knows by another name THEN it is offered too", () => {
    expect(timeZoneChoices("Asia/Kolkata", ["Asia/Calcutta"])).toEqual(["Asia/Calcutta", "Asia/Kolkata", "UTC"]);
  });

  it("GIVEN this platform THEN the list holds real IANA zones", () => {
    expect(timeZoneChoices(null)).toEqual(expect.arrayContaining(["America/Toronto", "Europe/London", "UTC"]));
  });
});
