/** A macro preview filled from a real order: the order the admin typed, read from Shopify, as a macro context. */
import { exampleContext, type MacroContext } from "./domain/variables";
import { deriveTracking } from "../tracking/domain/derive";
import type { OrderSnapshot, OrderState } from "../tracking/domain/types";
import { normalizeOrderName } from "../tracking/domain/verify";
import { findOrdersByName } from "../../shopify/orders.server";
import type { AdminGraphql } from "../../shopify.server";

const STATE_LABELS: Record<OrderState, string> = {
  placed: "Placed",
  fulfilled: "Fulfilled",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

function formatDay(
  iso: string | null,
  timeZone: string,
  options: Intl.DateTimeFormatOptions
): string {
  if (!iso) return "";
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(
      new Date(iso)
    );
  } catch {
    return new Intl.DateTimeFormat("en-US", {
      ...options,
      timeZone: "UTC",
    }).format(new Date(iso));
  }
}

/**
 * A preview context from a real order. The tracking query has no customer name (that needs
 * read_customers) nor totals, so the customer is greeted as "there" and the groups the order
 * cannot fill (total, return, ticket, shop, policy, staff) keep their example values.
 */
export function contextFromOrder(
  order: OrderSnapshot,
  timeZone = "UTC"
): MacroContext {
  const example = exampleContext();
  const tracking = deriveTracking(order);
  const shipment =
    tracking.shipments.find((s) => s.trackingNumber || s.trackingUrl) ??
    tracking.shipments[0];
  return {
    ...example,
    customer: { first_name: "there", last_name: "", email: order.email ?? "" },
    order: {
      name: order.name,
      status: STATE_LABELS[tracking.state],
      placed_at: formatDay(tracking.placedAt, timeZone, { dateStyle: "long" }),
      shipped_at: formatDay(shipment?.shippedAt ?? null, timeZone, {
        dateStyle: "long",
      }),
      tracking_number: shipment?.trackingNumber ?? "",
      tracking_url: shipment?.trackingUrl ?? "",
      carrier: shipment?.carrier ?? "",
      estimated_delivery: formatDay(tracking.estimatedDeliveryAt, timeZone, {
        weekday: "long",
        month: "long",
        day: "numeric",
      }),
      items_summary: tracking.items
        .map(
          (i) =>
            `${i.quantity} × ${i.title}${
              i.variantTitle ? ` (${i.variantTitle})` : ""
            }`
        )
        .join(", "),
      total: example.order.total,
    },
  };
}

export type OrderPreviewOutcome =
  | { ok: true; orderName: string; context: MacroContext }
  | { ok: false; status: 400 | 404 | 502; message: string };

/** The order the admin typed, as a preview context. */
export async function loadOrderPreview(
  graphql: AdminGraphql,
  orderNumber: unknown,
  timeZone: string
): Promise<OrderPreviewOutcome> {
  const name =
    typeof orderNumber === "string" ? normalizeOrderName(orderNumber) : null;
  if (!name)
    return {
      ok: false,
      status: 400,
      message: "Enter an order number, like #1001.",
    };
  let orders: OrderSnapshot[];
  try {
    orders = await findOrdersByName(graphql, name);
  } catch (error) {
    console.warn(
      "[macros] order preview failed",
      error instanceof Error ? error.message : error
    );
    return {
      ok: false,
      status: 502,
      message: "Shopify did not answer. Try again in a moment.",
    };
  }
  // Only orders named exactly as typed come back.
  const [order] = orders;
  if (!order)
    return {
      ok: false,
      status: 404,
      message: `No order ${name} in this shop.`,
    };
  return {
    ok: true,
    orderName: order.name,
    context: contextFromOrder(order, timeZone),
  };
}
