import { describe, expect, it } from "vitest";
import { markdownToHtml, markdownToText } from "../../../../../../app/features/faq/domain/markdown";
import { STARTER_FAQ, STARTER_FAQ_CATEGORIES } from "../../../../../../app/features/faq/domain/starters";
import { renderFaqAnswer, validateFaqAnswer } from "../../../../../../app/features/faq/domain/template";
import { slugifyHandle } from "../../../../../../app/features/faq/domain/types";
import { exampleFaqContext, type FaqContext } from "../../../../../../app/features/faq/domain/variables";

function article(handle: string) {
  const found = STARTER_FAQ.find((a) => a.handle === handle);
  if (!found) throw new Error(`no starter ${handle}`);
  return found;
}

function rendered(handle: string, edit: (c: FaqContext) => void = () => {}): string {
  const context = exampleFaqContext();
  edit(context);
  const result = renderFaqAnswer(article(handle).answer, context);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

/** A shop with every optional value empty and the other side of each condition. */
function sparseShop(c: FaqContext): void {
  Object.assign(c.shipping, { free_shipping_threshold: "", peak_message: "", peak_cutoffs: "" });
  Object.assign(c.returns, {
    final_sale_tags: "",
    excluded_product_types: "",
    photo_reasons: "",
    store_credit_bonus_percent: 0,
    restocking_fee_percent: 15,
    return_shipping: "free",
    resolutions: "a refund",
  });
}

const ARTICLES = STARTER_FAQ.map((a) => [a.handle, a.answer] as const);

describe("starter FAQ: shape", () => {
  it("GIVEN the starter pack WHEN counting THEN there are at least 24 articles", () => {
    expect(STARTER_FAQ.length).toBeGreaterThanOrEqual(24);
  });

  it("GIVEN the categories WHEN listing them THEN shipping, orders, returns, payments, products and support exist once each", () => {
    expect(STARTER_FAQ_CATEGORIES.map((c) => c.handle)).toEqual(["shipping", "orders", "returns", "payments", "products", "support"]);
  });

  it("GIVEN every category WHEN counting its articles THEN each has at least three", () => {
    for (const { handle } of STARTER_FAQ_CATEGORIES) {
      expect(STARTER_FAQ.filter((a) => a.category === handle).length, handle).toBeGreaterThanOrEqual(3);
    }
  });

  it("GIVEN every article WHEN reading its category THEN the category exists", () => {
    const categories = new Set(STARTER_FAQ_CATEGORIES.map((c) => c.handle));
    for (const a of STARTER_FAQ) expect(categories.has(a.category), a.handle).toBe(true);
  });

  it("GIVEN the article handles WHEN comparing THEN they are unique slugs", () => {
    const handles = STARTER_FAQ.map((a) => a.handle);
    expect(new Set(handles).size).toBe(handles.length);
    for (const handle of handles) expect(slugifyHandle(handle), handle).toBe(handle);
  });

  it("GIVEN the questions WHEN comparing THEN they are unique and end like questions or statements", () => {
    const questions = STARTER_FAQ.map((a) => a.question);
    expect(new Set(questions).size).toBe(questions.length);
    for (const q of questions) expect(q).toMatch(/^[A-Z].*[a-z?]$/);
  });
});

describe("starter FAQ: every answer", () => {
  it.each(ARTICLES)("GIVEN %s WHEN validating THEN it is accepted", (_handle, answer) => {
    expect(validateFaqAnswer(answer)).toMatchObject({ ok: true });
  });

  it.each(ARTICLES)("GIVEN %s WHEN rendering the example shop THEN no Liquid is left and it is short", (_handle, answer) => {
    const result = renderFaqAnswer(answer, exampleFaqContext());
    if (!result.ok) throw new Error(result.error);
    expect(result.text).not.toMatch(/\{\{|\}\}|\{%|%\}/);
    expect(markdownToText(result.text).length).toBeLessThan(700);
  });

  it.each(ARTICLES)("GIVEN %s WHEN rendering a shop with no optional values THEN it still reads as a finished answer", (_handle, answer) => {
    const context = exampleFaqContext();
    sparseShop(context);
    const result = renderFaqAnswer(answer, context);
    if (!result.ok) throw new Error(result.error);
    expect(result.text.trim()).toMatch(/^[A-Z0-9].{20,}[.!?)]$/s);
    expect(result.text).not.toMatch(/\{\{|\{%|: \.|\( ?\)| {2}/);
  });

  it.each(ARTICLES)("GIVEN %s WHEN converting the rendered answer to HTML THEN links are only mailto links", (_handle, answer) => {
    const result = renderFaqAnswer(answer, exampleFaqContext());
    if (!result.ok) throw new Error(result.error);
    for (const [, href] of markdownToHtml(result.text).matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^mailto:/);
  });

  it("GIVEN the answers' sources WHEN reading them THEN policy numbers appear only through placeholders", () => {
    for (const a of STARTER_FAQ) {
      const text = a.answer.replace(/\{%.*?%\}/gs, "");
      expect(text, a.handle).not.toMatch(/\$\d|\d ?%|\b(?:14|30|60|90) days/);
    }
  });
});

describe("starter FAQ: policy values", () => {
  it("GIVEN a 45-day window from shipping WHEN rendering the return policy THEN both values follow the policy", () => {
    const body = rendered("what-is-your-return-policy", (c) => {
      c.returns.window_days = 45;
      c.returns.window_starts = "the day your order ships";
    });
    expect(body).toContain("**45 days** from the day your order ships");
    expect(body).not.toContain("30 days");
  });

  it("GIVEN the example shop WHEN rendering the return policy THEN it names the resolutions, the bonus and the exclusions", () => {
    const body = rendered("what-is-your-return-policy");
    expect(body).toContain("**30 days** from the day your order is delivered");
    expect(body).toContain("a refund, store credit or an exchange");
    expect(body).toContain("**10% extra**");
    expect(body).toContain("Items marked final sale can't be returned.");
    expect(body).toContain("gift cards");
  });

  it("GIVEN no store credit bonus WHEN rendering the return policy THEN no bonus is promised", () => {
    expect(rendered("what-is-your-return-policy", (c) => (c.returns.store_credit_bonus_percent = 0))).not.toContain("extra");
  });

  it("GIVEN a free shipping threshold WHEN rendering the free shipping answer THEN it gives the amount", () => {
    expect(rendered("do-you-offer-free-shipping")).toContain("over **$100.00**");
  });

  it("GIVEN no free shipping WHEN rendering the free shipping and cost answers THEN neither promises it", () => {
    const none = (c: FaqContext) => (c.shipping.free_shipping_threshold = "");
    expect(rendered("do-you-offer-free-shipping", none)).toMatch(/^Not at the moment/);
    expect(rendered("how-much-does-shipping-cost", none)).not.toContain("free");
  });

  it("GIVEN regions separated by semicolons WHEN rendering delivery times THEN each region is a list item", () => {
    const html = markdownToHtml(rendered("how-long-does-delivery-take"));
    expect(html).toContain("<ul><li>Canada: 2–5 business days ($9.95)</li><li>United States: 4–8 business days ($14.95)</li></ul>");
  });

  it("GIVEN a paid return label WHEN rendering return shipping THEN it gives the fee and the free cases", () => {
    expect(rendered("do-i-pay-for-return-shipping")).toMatch(/\*\*\$7\.95\*\*.*free if the item arrived damaged/s);
  });

  it("GIVEN free return shipping WHEN rendering return shipping THEN it says so without a fee", () => {
    expect(rendered("do-i-pay-for-return-shipping", (c) => (c.returns.return_shipping = "free"))).toBe("No, return shipping is on us.");
  });

  it("GIVEN a restocking fee WHEN rendering the restocking answer THEN it gives the percent", () => {
    expect(rendered("is-there-a-restocking-fee", (c) => (c.returns.restocking_fee_percent = 15))).toContain("**15%**");
  });

  it("GIVEN refunds only WHEN rendering the exchange and store credit answers THEN neither offers what the shop does not", () => {
    const refundsOnly = (c: FaqContext) => (c.returns.resolutions = "a refund");
    expect(rendered("can-i-exchange-an-item", refundsOnly)).toMatch(/^We don't offer exchanges/);
    expect(rendered("store-credit", refundsOnly)).toMatch(/^We don't offer store credit/);
  });

  it("GIVEN nothing excluded from returns WHEN rendering the exclusions answer THEN every item is returnable", () => {
    const body = rendered("which-items-cant-be-returned", (c) => {
      c.returns.final_sale_tags = "";
      c.returns.excluded_product_types = "";
    });
    expect(body).toBe("Every item can be returned within 30 days from the day your order is delivered.");
  });

  it("GIVEN holiday cut-offs WHEN rendering the holiday answer THEN they are given with the peak message", () => {
    const body = rendered("holiday-delivery");
    expect(body).toContain("order by these dates: December 15 for Canada");
    expect(body).toContain("Our holiday rush is on");
  });

  it("GIVEN the support values WHEN rendering the urgent answer THEN it gives the urgent response time and hours", () => {
    expect(rendered("urgent-problem-with-my-order")).toContain(
      "within 30 minutes during our opening hours: Monday–Friday, 9:00–17:00 (America/Toronto)",
    );
  });

  it("GIVEN the contact answer WHEN converting to HTML THEN the support email is a mailto link", () => {
    expect(markdownToHtml(rendered("how-can-i-contact-you"))).toContain(
      '<a href="mailto:help@harborandpine.com" rel="noopener">help@harborandpine.com</a>',
    );
  });
});
