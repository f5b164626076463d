import { describe, expect, it } from "vitest";
import { MACRO_FAMILIES, STARTER_MACROS } from "../../../../../../app/features/macros/domain/starters";
import { renderMacro, renderMacroHtml, validateMacro } from "../../../../../../app/features/macros/domain/template";
import { exampleContext, type MacroContext } from "../../../../../../app/features/macros/domain/variables";

function starter(key: string): string {
  const macro = STARTER_MACROS.find((m) => m.key === key);
  if (!macro) throw new Error(`no starter ${key}`);
  return macro.body;
}

function rendered(key: string, edit: (c: MacroContext) => void = () => {}): string {
  const context = exampleContext();
  edit(context);
  const result = renderMacro(starter(key), context);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe("starter macros", () => {
  it("GIVEN the starters WHEN counting per family THEN each of orders, refunds and technical has at least three", () => {
    for (const family of MACRO_FAMILIES) {
      expect(STARTER_MACROS.filter((m) => m.family === family).length, family).toBeGreaterThanOrEqual(3);
    }
    expect(STARTER_MACROS.length).toBeGreaterThanOrEqual(9);
  });

  it("GIVEN the starters WHEN reading their keys THEN they are unique kebab-case ids", () => {
    const keys = STARTER_MACROS.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(STARTER_MACROS.map((m) => [m.key, m.body] as const))(
    "GIVEN the %s starter WHEN validating in strict mode THEN it is accepted",
    (_key, body) => {
      expect(validateMacro(body)).toMatchObject({ ok: true });
    },
  );

  it.each(STARTER_MACROS.map((m) => [m.key, m.body] as const))(
    "GIVEN the %s starter WHEN rendering against the example context THEN it reads as a finished reply",
    (_key, body) => {
      const result = renderMacro(body, exampleContext());
      if (!result.ok) throw new Error(result.error);
      expect(result.text).toMatch(/^Hi Maya,\n\n/);
      expect(result.text).toMatch(/\n\nWarm regards,\nSam\nHarbor & Pine support$/);
      expect(result.text).not.toMatch(/\{\{|\{%|\n\n\n/);
    },
  );

  it.each(STARTER_MACROS.map((m) => [m.key, m.body] as const))(
    "GIVEN the %s starter WHEN rendering the HTML variant THEN it renders",
    (_key, body) => {
      expect(renderMacroHtml(body, exampleContext())).toMatchObject({ ok: true });
    },
  );

  it("GIVEN a shipped order WHEN rendering the order confirmation THEN it gives the ship date and the tracking link", () => {
    const body = rendered("order-confirmation");
    expect(body).toContain("shipped on March 3, 2026 with UPS");
    expect(body).toContain("https://www.ups.com/track?tracknum=1Z999AA10123456784");
  });

  it("GIVEN an order not shipped yet WHEN rendering the order confirmation THEN it promises the tracking link instead", () => {
    const body = rendered("order-confirmation", (c) => {
      c.order.shipped_at = "";
      c.order.tracking_url = "";
    });
    expect(body).toContain("As soon as it ships you'll receive the tracking link");
    expect(body).not.toContain("shipped on");
  });

  it("GIVEN a delayed order WHEN rendering the delay apology THEN it offers a refund, a replacement or 10% store credit", () => {
    const body = rendered("order-delay-apology");
    expect(body).toContain("full refund of $84.50");
    expect(body).toContain("replacement");
    expect(body).toContain("10% store credit");
  });

  it("GIVEN a shipped order WHEN rendering where-is-my-order THEN it gives carrier, tracking number and link", () => {
    expect(rendered("where-is-my-order")).toContain("UPS (tracking number 1Z999AA10123456784)");
  });

  it("GIVEN a return WHEN rendering the return instructions THEN they give the link, ask for photos of damage and promise 3–5 business days", () => {
    const body = rendered("return-instructions");
    expect(body).toContain("https://harbor-and-pine.myshopify.com/apps/harbor/returns/R-1042-1");
    expect(body).toMatch(/damaged.*photos/);
    expect(body).toContain("3–5 business days");
  });

  it("GIVEN no store credit bonus WHEN rendering the return instructions THEN the store credit line is left out", () => {
    expect(rendered("return-instructions", (c) => (c.policy.store_credit_bonus_percent = 0))).not.toContain("store credit");
  });

  it("GIVEN a declined return WHEN rendering the decline THEN it states the reason", () => {
    expect(rendered("return-declined")).toContain("The reason: The item was sent back after the 30-day return window had ended.");
  });
});
