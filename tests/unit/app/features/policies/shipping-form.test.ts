import { describe, expect, it } from "vitest";
import { DEFAULT_SHIPPING_POLICY } from "../../../../../app/features/policies/domain/shipping";
import { FORM_ERROR, parseDocumentForm } from "../../../../../app/features/policies/policy-form";
import { formToShipping, SHIPPING_FORM, shippingToForm, type ShippingFormValues } from "../../../../../app/features/policies/shipping-form";

const defaults = () => shippingToForm(DEFAULT_SHIPPING_POLICY);
const submit = (change: (form: ShippingFormValues) => void = () => {}) => {
  const form = defaults();
  change(form);
  return parseDocumentForm(SHIPPING_FORM, JSON.stringify(form));
};
const errorsOf = (result: ReturnType<typeof submit>) => (result.ok ? {} : result.errors);
const { version: _version, ...defaultDocument } = DEFAULT_SHIPPING_POLICY;

describe("shipping form ↔ policy", () => {
  it("GIVEN the defaults THEN form → policy gives them back exactly, without a version", () => {
    expect(submit()).toEqual({ ok: true, document: defaultDocument });
  });

  it("GIVEN the defaults THEN money shows with cents and days as typed text", () => {
    const form = defaults();
    expect(form.regions[0]).toEqual({ name: "Canada", minDays: "2", maxDays: "5", price: "9.95" });
    expect(form.freeShippingThreshold).toBe("100.00");
    expect(form.processingDays).toEqual({ min: "1", max: "2" });
  });

  it("GIVEN no free-shipping threshold THEN the form field is empty", () => {
    expect(shippingToForm({ ...DEFAULT_SHIPPING_POLICY, freeShippingThreshold: null }).freeShippingThreshold).toBe("");
  });

  it("GIVEN an empty or blank threshold THEN shipping is never free", () => {
    expect(formToShipping({ ...defaults(), freeShippingThreshold: "   " }).freeShippingThreshold).toBeNull();
  });

  it("GIVEN a threshold of 0 THEN shipping is always free (not 'none')", () => {
    expect(submit((f) => (f.freeShippingThreshold = "0"))).toMatchObject({ ok: true, document: { freeShippingThreshold: 0 } });
  });

  it("GIVEN padded numbers and a thousands separator THEN they become numbers", () => {
    const candidate = formToShipping({ ...defaults(), processingDays: { min: " 3 ", max: "4" }, freeShippingThreshold: "1,250.50" });
    expect(candidate.processingDays).toEqual({ min: 3, max: 4 });
    expect(candidate.freeShippingThreshold).toBe(1250.5);
  });

  it("GIVEN pasted carriers with repeats in another case THEN each is kept once, in order", () => {
    expect(formToShipping({ ...defaults(), carriers: ["DHL, UPS", "dhl", " "] }).carriers).toEqual(["DHL", "UPS"]);
  });

  it("GIVEN padded dates THEN they are trimmed before the schema reads them", () => {
    const candidate = formToShipping({ ...defaults(), peakSeason: { ...defaults().peakSeason, startsOn: " 2026-11-20 " } });
    expect(candidate.peakSeason.startsOn).toBe("2026-11-20");
  });
});

describe("shipping form: errors by field", () => {
  it("GIVEN a blank shortest processing time THEN it is required, on its field", () => {
    expect(errorsOf(submit((f) => (f.processingDays.min = "")))).toEqual({ "processingDays.min": "Shortest processing time is required" });
  });

  it("GIVEN the longest processing time below the shortest THEN the longest is reported", () => {
    expect(errorsOf(submit((f) => (f.processingDays = { min: "5", max: "2" })))).toEqual({
      "processingDays.max": "Longest processing time must be at least the shortest",
    });
  });

  it("GIVEN a word for a region's price THEN it must be a number, on that row", () => {
    expect(errorsOf(submit((f) => (f.regions[1]!.price = "cheap")))).toEqual({ "regions.1.price": "Shipping price must be a number" });
  });

  it("GIVEN a price in fractions of a cent THEN the row's price is reported", () => {
    expect(errorsOf(submit((f) => (f.regions[0]!.price = "9.999")))).toEqual({
      "regions.0.price": "Shipping price must be in whole cents (at most 2 decimals)",
    });
  });

  it("GIVEN a negative price THEN it is refused", () => {
    expect(errorsOf(submit((f) => (f.regions[0]!.price = "-1")))).toEqual({ "regions.0.price": "Shipping price cannot be negative" });
  });

  it("GIVEN a region whose slowest transit is faster than its fastest THEN its slowest is reported", () => {
    expect(errorsOf(submit((f) => (f.regions[2]!.maxDays = "3")))).toEqual({ "regions.2.maxDays": "Slowest transit time must be at least the fastest" });
  });

  it("GIVEN a new region named like another up to case and spaces THEN the new row's name is reported", () => {
    const errors = errorsOf(submit((f) => f.regions.push({ name: " canada ", minDays: "1", maxDays: "2", price: "5" })));
    expect(errors).toEqual({ "regions.3.name": 'Region "canada" is listed more than once' });
  });

  it("GIVEN every region removed THEN the list is reported", () => {
    expect(errorsOf(submit((f) => (f.regions = [])))).toEqual({ regions: "List at least one shipping region" });
  });

  it("GIVEN peak season on with a blank banner THEN the message is asked for", () => {
    const errors = errorsOf(
      submit((f) => {
        f.peakSeason.enabled = true;
        f.peakSeason.message = "   ";
      }),
    );
    expect(errors).toEqual({ "peakSeason.message": "Write the banner message shoppers see in peak season" });
  });

  it("GIVEN peak season ending before it starts THEN the end is reported", () => {
    expect(errorsOf(submit((f) => (f.peakSeason.endsOn = "2026-11-01")))).toMatchObject({
      "peakSeason.endsOn": "Peak season cannot end before it starts",
    });
  });

  it("GIVEN a cut-off after the season ends THEN that cut-off's date is reported", () => {
    expect(errorsOf(submit((f) => (f.peakSeason.cutoffs[1]!.date = "2027-01-05")))).toEqual({
      "peakSeason.cutoffs.1.date": "Cut-off date must be on or before the end of peak season (2026-12-31)",
    });
  });

  it("GIVEN a date that does not exist THEN it is refused, on its field", () => {
    expect(errorsOf(submit((f) => (f.peakSeason.startsOn = "2026-02-30")))).toEqual({
      "peakSeason.startsOn": "Peak season start must be a real date written YYYY-MM-DD, e.g. 2026-12-15",
    });
  });

  it("GIVEN a new cut-off row left empty THEN its label and date are each reported", () => {
    const errors = errorsOf(submit((f) => f.peakSeason.cutoffs.push({ label: "", date: "" })));
    expect(Object.keys(errors).sort()).toEqual(["peakSeason.cutoffs.2.date", "peakSeason.cutoffs.2.label"]);
  });

  it.each([
    ["not JSON", "{"],
    ["regions that are not a list", JSON.stringify({ ...defaults(), regions: "Canada" })],
    ["a missing peak season", JSON.stringify({ ...defaults(), peakSeason: undefined })],
    ["a number far too long to be typed", JSON.stringify({ ...defaults(), freeShippingThreshold: "9".repeat(65) })],
    ["no value", null],
  ])("GIVEN %s THEN it is a form-level error, nothing more", (_, body) => {
    expect(parseDocumentForm(SHIPPING_FORM, body)).toEqual({ ok: false, errors: { [FORM_ERROR]: expect.stringContaining("could not be read") } });
  });

  it("GIVEN extra fields in the submitted form THEN they are ignored, never stored", () => {
    const body = JSON.stringify({ ...defaults(), version: 99, shop: "other.myshopify.com", regions: defaults().regions.map((r) => ({ ...r, key: "row-1" })) });
    expect(parseDocumentForm(SHIPPING_FORM, body)).toEqual({ ok: true, document: defaultDocument });
  });
});
