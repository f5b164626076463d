import { describe, expect, it } from "vitest";
import {
  categorise,
  detectOrderNumber,
  mentionsPhotoReason,
  normaliseText,
  prioritise,
} from "../../../../../../app/features/tickets/domain/classify";
import { DEFAULT_SUPPORT_SETTINGS } from "../../../../../../app/features/policies/domain/support-defaults";
import { type CategoryRule } from "../../../../../../app/features/tickets/domain/types";

const RULES = DEFAULT_SUPPORT_SETTINGS.rules;

describe("normaliseText", () => {
  it("GIVEN accents, capitals and punctuation THEN they are folded to plain lower-case words", () => {
    expect(normaliseText("  Où est ma COMMANDE?!  ")).toBe("ou est ma commande");
  });

  it("GIVEN apostrophes and dashes THEN they separate words", () => {
    expect(normaliseText("Don't—panic…it’s fine")).toBe("don t panic it s fine");
  });

  it("GIVEN full-width letters and ligatures THEN they become their plain letters", () => {
    expect(normaliseText("ＲＥＦＵＮＤ ﬁnally")).toBe("refund finally");
  });

  it("GIVEN only punctuation and spaces THEN the result is empty", () => {
    expect(normaliseText(" !!! ... ")).toBe("");
  });
});

describe("categorise with the default rules", () => {
  it.each([
    ["Where is my order? It's been 2 weeks", "order_status"],
    ["WHERE'S MY ORDER", "order_status"],
    ["The tracking number doesn't work and it's late", "order_status"],
    ["I'd like a REFUND, the mug arrived broken", "returns"],
    ["Can I exchange it for another one? Wrong size.", "returns"],
    ["I was charged twice, please check the invoice", "payment"],
    ["How much is shipping to the US and how long does it take?", "shipping"],
    ["Is the blue sweater back in stock in size M?", "product"],
    ["We would love a wholesale partnership", "other"],
  ] as const)("GIVEN “%s” THEN it is %s", (message, category) => {
    expect(categorise({ message }, RULES)).toBe(category);
  });

  it("GIVEN keywords only in the subject THEN the subject counts", () => {
    expect(categorise({ subject: "Refund request", message: "See subject, thanks" }, RULES)).toBe("returns");
  });

  it("GIVEN no keyword at all THEN the shopper's topic is kept", () => {
    expect(categorise({ topic: "product", message: "Hello there" }, RULES)).toBe("product");
  });

  it("GIVEN no keyword and no topic THEN it is other", () => {
    expect(categorise({ message: "Hello there" }, RULES)).toBe("other");
  });

  it("GIVEN an empty message THEN it falls back without error", () => {
    expect(categorise({ topic: "payment", message: "" }, RULES)).toBe("payment");
  });
});

describe("categorise with custom rules", () => {
  it("GIVEN a keyword with an accent THEN text in capitals without the accent matches it", () => {
    const rules: CategoryRule[] = [{ category: "returns", keywords: ["échange"] }];
    expect(categorise({ message: "Je voudrais faire un ECHANGE" }, rules)).toBe("returns");
  });

  it("GIVEN a keyword inside a longer word (late in chocolate) THEN it does not match", () => {
    const rules: CategoryRule[] = [{ category: "order_status", keywords: ["late"] }];
    expect(categorise({ message: "The chocolate plate is lovely", topic: "product" }, rules)).toBe("product");
  });

  it("GIVEN a phrase split across punctuation THEN it still matches as words", () => {
    const rules: CategoryRule[] = [{ category: "order_status", keywords: ["where is my order"] }];
    expect(categorise({ message: "Where... is MY order?!" }, rules)).toBe("order_status");
  });

  it("GIVEN one keyword repeated many times THEN it counts once and two different keywords win", () => {
    const rules: CategoryRule[] = [
      { category: "returns", keywords: ["refund"] },
      { category: "payment", keywords: ["paid", "payment"] },
    ];
    expect(categorise({ message: "refund refund refund, I paid by payment link" }, rules)).toBe("payment");
  });

  it("GIVEN a tie THEN the shopper's topic decides, even if it is neither", () => {
    const rules: CategoryRule[] = [
      { category: "returns", keywords: ["refund"] },
      { category: "payment", keywords: ["invoice"] },
    ];
    expect(categorise({ topic: "shipping", message: "refund invoice" }, rules)).toBe("shipping");
  });

  it("GIVEN a tie and no topic THEN it is other", () => {
    const rules: CategoryRule[] = [
      { category: "returns", keywords: ["refund"] },
      { category: "payment", keywords: ["invoice"] },
    ];
    expect(categorise({ message: "refund invoice" }, rules)).toBe("other");
  });

  it("GIVEN two rules for the same category THEN their hits add up", () => {
    const rules: CategoryRule[] = [
      { category: "returns", keywords: ["refund"] },
      { category: "payment", keywords: ["invoice"] },
      { category: "returns", keywords: ["exchange"] },
    ];
    expect(categorise({ topic: "payment", message: "refund or exchange? invoice attached" }, rules)).toBe("returns");
  });

  it("GIVEN the rules in reverse order THEN the result is the same", () => {
    const message = "I paid, the item is broken, I want a refund and the tracking is wrong";
    expect(categorise({ message }, [...RULES].reverse())).toBe(categorise({ message }, RULES));
  });

  it("GIVEN no rules THEN the topic is kept", () => {
    expect(categorise({ topic: "returns", message: "refund please" }, [])).toBe("returns");
  });

  it("GIVEN a 200,000-character message THEN it is categorised", () => {
    expect(categorise({ message: `${"blah ".repeat(40_000)} refund` }, RULES)).toBe("returns");
  });
});

describe("prioritise", () => {
  const settings = DEFAULT_SUPPORT_SETTINGS;

  it("GIVEN a calm product question THEN it is the topic's P3, and the reason says so", () => {
    expect(prioritise({ topic: "product", category: "product", message: "What fabric is the scarf?" }, settings)).toEqual({
      priority: "P3",
      reasons: ["Topic: Product question → P3"],
    });
  });

  it("GIVEN topic other but a returns category THEN the more urgent category's P2 applies", () => {
    expect(prioritise({ topic: "other", category: "returns", message: "I want a refund" }, settings)).toEqual({
      priority: "P2",
      reasons: ["Categorised as Returns → P2"],
    });
  });

  it("GIVEN no topic THEN the category's priority applies", () => {
    expect(prioritise({ category: "shipping", message: "Do you ship to Norway?" }, settings).priority).toBe("P2");
  });

  it("GIVEN a payment topic and a product category THEN the topic's more urgent P1 is kept", () => {
    expect(prioritise({ topic: "payment", category: "product", message: "Which size?" }, settings).priority).toBe("P1");
  });

  it.each([
    "My package never arrived",
    "I haven't received my order",
    "Order #1017 HAS NOT ARRIVED yet",
    "the parcel got lost in transit",
    "It says delivered but was not delivered",
    "Je n'ai jamais reçu ma commande",
  ])("GIVEN “%s” THEN the order was not received and it is P1", (message) => {
    const result = prioritise({ topic: "order_status", category: "order_status", message }, settings);
    expect(result.priority).toBe("P1");
    expect(result.reasons).toContain("Order not received → P1");
  });

  it.each(["I was CHARGED TWICE", "my card was declined", "Payment failed at checkout", "Carte refusée"])(
    "GIVEN “%s” THEN it is a payment problem and P1",
    (message) => {
      const result = prioritise({ topic: "other", category: "payment", message }, settings);
      expect(result.priority).toBe("P1");
      expect(result.reasons).toContain("Payment problem → P1");
    },
  );

  it("GIVEN “I lost the size chart” THEN losing something is not an order lost in transit", () => {
    expect(prioritise({ topic: "product", category: "product", message: "I lost the size chart" }, settings).priority).toBe("P3");
  });

  it("GIVEN a request for a human THEN the priority is raised one step and the reason quotes the words", () => {
    expect(prioritise({ topic: "product", category: "product", message: "Can I speak to a human please" }, settings)).toEqual({
      priority: "P2",
      reasons: ["Topic: Product question → P3", 'Asked for a person or upset ("speak to a human") → raised to P2'],
    });
  });

  it("GIVEN three exclamation marks THEN an angry tone raises the priority", () => {
    const result = prioritise({ topic: "shipping", category: "shipping", message: "Why is shipping so expensive!!!" }, settings);
    expect(result.priority).toBe("P1");
    expect(result.reasons).toContain("3 exclamation marks → raised to P1");
  });

  it("GIVEN two exclamation marks THEN the tone is not angry", () => {
    expect(prioritise({ topic: "shipping", category: "shipping", message: "Thanks!! Great shop." }, settings).priority).toBe(
      "P2",
    );
  });

  it("GIVEN a message in capitals of at least 12 letters THEN it counts as shouting", () => {
    const result = prioritise({ topic: "product", category: "product", message: "WHY IS THIS SO SMALL" }, settings);
    expect(result).toEqual({ priority: "P2", reasons: ["Topic: Product question → P3", "Written in capitals → raised to P2"] });
  });

  it("GIVEN a short message in capitals (“OK THX”) THEN it is not shouting", () => {
    expect(prioritise({ topic: "product", category: "product", message: "OK THX" }, settings).priority).toBe("P3");
  });

  it("GIVEN a calm sentence with a few acronyms THEN it is not shouting", () => {
    const message = "Do you ship the USB-C cable via UPS to the USA?";
    expect(prioritise({ topic: "product", category: "product", message }, settings).priority).toBe("P3");
  });

  it("GIVEN a P1 ticket with angry words THEN it stays P1 and the reason says so", () => {
    const result = prioritise({ topic: "payment", category: "payment", message: "This is unacceptable" }, settings);
    expect(result.priority).toBe("P1");
    expect(result.reasons).toContain('Asked for a person or upset ("unacceptable") → stays P1');
  });

  it("GIVEN several anger signs at once THEN the priority still rises only one step", () => {
    const result = prioritise({ topic: "other", category: "other", message: "THIS IS A SCAM!!! TALK TO A PERSON" }, settings);
    expect(result.priority).toBe("P3");
    expect(result.reasons).toEqual([
      "Topic: Other → P4",
      'Asked for a person or upset ("talk to a person", "scam"), 3 exclamation marks, written in capitals → raised to P3',
    ]);
  });

  it("GIVEN the merchant's own escalation words THEN they are used instead of the defaults", () => {
    const custom = { ...settings, escalation: { keywords: ["asap"] } };
    expect(prioritise({ topic: "product", category: "product", message: "Answer ASAP" }, custom).priority).toBe("P2");
    expect(prioritise({ topic: "product", category: "product", message: "Get me a manager" }, custom).priority).toBe("P3");
  });

  it("GIVEN an order question whose order is unknown THEN staff are told to ask for the number, without changing the priority", () => {
    const result = prioritise(
      { topic: "order_status", category: "order_status", message: "Any news?", orderKnown: false },
      settings,
    );
    expect(result).toEqual({ priority: "P2", reasons: ["Topic: Order status → P2", "No order found: ask for the order number"] });
  });

  it("GIVEN an order question whose order is known THEN no note is added", () => {
    const result = prioritise(
      { topic: "order_status", category: "order_status", message: "Any news?", orderKnown: true },
      settings,
    );
    expect(result.reasons).toEqual(["Topic: Order status → P2"]);
  });
});

describe("detectOrderNumber", () => {
  it.each([
    ["Hi, about #1017", "#1017"],
    ["order # 1017 please", "#1017"],
    ["Order 1017 is late", "#1017"],
    ["order no. 1017", "#1017"],
    ["Order No 1017", "#1017"],
    ["my order number: 1017", "#1017"],
    ["ORDER#1017", "#1017"],
    ["order nr.1017", "#1017"],
    ["ma commande 1017", "#1017"],
    ["commande n° 1017", "#1017"],
    ["commande numéro 1017", "#1017"],
    ["Bestellung Nr. 1017", "#1017"],
    ["pedido 12345", "#12345"],
    ["＃１０１７", "#1017"],
    ["order 2026 never came", "#2026"],
    ["order 1017, 2 items missing", "#1017"],
    ["order 1017 and order 1018", "#1017"],
    ["#0012", "#0012"],
    ["order 1234567890", "#1234567890"],
  ])("GIVEN “%s” THEN it is %s", (text, expected) => {
    expect(detectOrderNumber(text)).toBe(expected);
  });

  it.each([
    "I ordered it in 2026",
    "Call me at 416-555-1234",
    "order 416-555-1234",
    "order 416 555 1234",
    "order 416.555.1234",
    "order 12",
    "#12",
    "order 12345678901",
    "It cost $1017",
    "I ordered 1017 stickers",
    "reorder 1017",
    "border 1017",
    "",
    "#",
  ])("GIVEN “%s” THEN no order number is found", (text) => {
    expect(detectOrderNumber(text)).toBeNull();
  });

  it("GIVEN 50,000 order words without a number THEN it answers quickly with null", () => {
    const started = performance.now();
    expect(detectOrderNumber("order no. :# ".repeat(50_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("mentionsPhotoReason", () => {
  it.each([
    "The mug arrived BROKEN",
    "You sent the wrong item",
    "The box was damaged in transit",
    "Mon colis est arrivé endommagé",
    "It's defective",
  ])("GIVEN “%s” THEN photos are asked for", (text) => {
    expect(mentionsPhotoReason(text)).toBe(true);
  });

  it.each(["I want a different size", "Breakfast mug, unbroken record", "Where is my order?", ""])(
    "GIVEN “%s” THEN no photos are needed",
    (text) => {
      expect(mentionsPhotoReason(text)).toBe(false);
    },
  );
});
