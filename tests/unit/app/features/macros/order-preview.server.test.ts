import { describe, expect, it } from "vitest";
import { renderMacro } from "../../../../../app/features/macros/domain/template";
import { STARTER_MACROS } from "../../../../../app/features/macros/domain/starters";
import { exampleContext } from "../../../../../app/features/macros/domain/variables";
import type { OrderSnapshot } from "../../../../../app/features/tracking/domain/types";
import { contextFromOrder } from "../../../../../app/features/macros/order-preview.server";

function snapshot(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: "gid://shopify/Order/1",
    name: "#1001",
    email: "maya@example.com",
    phone: null,
    createdAt: "2026-03-02T10:00:00Z",
    processedAt: "2026-03-02T10:00:00Z",
    cancelledAt: null,
    cancelReason: null,
    financialStatus: "PAID",
    fulfillmentStatus: "UNFULFILLED",
    shipTo: null,
    lineItems: [
      {
        id: "gid://shopify/LineItem/1",
        title: "Linen Shirt",
        variantTitle: "M",
        quantity: 1,
        unfulfilledQuantity: 1,
        image: null,
      },
      {
        id: "gid://shopify/LineItem/2",
        title: "Cotton Socks",
        variantTitle: null,
        quantity: 2,
        unfulfilledQuantity: 2,
        image: null,
      },
    ],
    fulfillments: [],
    ...overrides,
  };
}

const shipped = (): Partial<OrderSnapshot> => ({
  fulfillmentStatus: "FULFILLED",
  lineItems: snapshot().lineItems.map((item) => ({
    ...item,
    unfulfilledQuantity: 0,
  })),
  fulfillments: [
    {
      id: "gid://shopify/Fulfillment/1",
      status: "SUCCESS",
      displayStatus: "IN_TRANSIT",
      createdAt: "2026-03-03T09:00:00Z",
      inTransitAt: "2026-03-03T18:00:00Z",
      deliveredAt: null,
      estimatedDeliveryAt: "2026-03-06T12:00:00Z",
      tracking: [
        { company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" },
      ],
      events: [
        {
          status: "IN_TRANSIT",
          happenedAt: "2026-03-03T18:00:00Z",
          message: null,
          city: null,
          country: null,
        },
      ],
      lineItems: [
        { lineItemId: "gid://shopify/LineItem/1", quantity: 1 },
        { lineItemId: "gid://shopify/LineItem/2", quantity: 2 },
      ],
    },
  ],
});

describe("contextFromOrder", () => {
  it("GIVEN an unshipped order THEN order fields come from it, shipping fields are blank and the customer is greeted as 'there'", () => {
    const context = contextFromOrder(snapshot());

    expect(context.customer).toEqual({
      first_name: "there",
      last_name: "",
      email: "maya@example.com",
    });
    expect(context.order).toMatchObject({
      name: "#1001",
      status: "Placed",
      placed_at: "March 2, 2026",
      shipped_at: "",
      tracking_number: "",
      tracking_url: "",
      carrier: "",
      items_summary: "1 × Linen Shirt (M), 2 × Cotton Socks",
    });
    // Groups the order cannot fill keep their examples.
    expect(context.shop).toEqual(exampleContext().shop);
    expect(context.order.total).toBe(exampleContext().order.total);
  });

  it("GIVEN an order in transit THEN the carrier, tracking and dates are filled, in the shop's time zone", () => {
    const context = contextFromOrder(snapshot(shipped()), "America/Halifax");

    expect(context.order).toMatchObject({
      status: "In transit",
      shipped_at: "March 3, 2026",
      tracking_number: "1Z999",
      tracking_url: "https://ups.example/1Z999",
      carrier: "UPS",
      estimated_delivery: "Friday, March 6",
    });
  });

  it("GIVEN a cancelled order THEN its status says so", () => {
    expect(
      contextFromOrder(
        snapshot({
          cancelledAt: "2026-03-02T11:00:00Z",
          cancelReason: "CUSTOMER",
        })
      ).order.status
    ).toBe("Cancelled");
  });

  it("GIVEN an order without email and a bad time zone THEN the context is still complete", () => {
    const context = contextFromOrder(snapshot({ email: null }), "Not/AZone");
    expect(context.customer.email).toBe("");
    expect(context.order.placed_at).toBe("March 2, 2026");
  });

  it.each(STARTER_MACROS.map((m) => [m.key, m.body] as const))(
    "GIVEN starter %s THEN it renders against a real order's context",
    (_, body) => {
      const rendered = renderMacro(body, contextFromOrder(snapshot(shipped())));
      expect(rendered.ok).toBe(true);
    }
  );
});
