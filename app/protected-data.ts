/**
 * Protected customer data (https://shopify.dev/docs/apps/launch/protected-customer-data) Harbor
 * Support needs Shopify to approve in the Partner Dashboard (API access → Protected customer data
 * access), why, and what stops working without it; the admin home lists what is missing and the
 * README says the same. Level 1 is orders and customers themselves; level 2 adds name, email,
 * phone and address field by field. Names and addresses are not read (the tracking page shows
 * the city and country only), so they are not asked for.
 */
export const PROTECTED_DATA_REASONS = {
  orders: {
    request: "Protected customer data (level 1)",
    why: "orders are customer data: tracking, returns and the webhooks about orders, fulfillments and returns all read them",
    without: "order tracking and returns are unavailable on the storefront, and orders/*, fulfillments/* and returns/* webhooks are not sent",
  },
  email: {
    request: "Email (level 2)",
    why: "a shopper proves an order is theirs with its number and email; replies and return updates go to that email",
    without: "shoppers cannot look up an order by email, and the returns queue cannot show a customer's history",
  },
  phone: {
    request: "Phone (level 2)",
    why: "a shopper who ordered with a phone number proves the order is theirs with it",
    without: "shoppers cannot look up an order by phone",
  },
} as const;

export type ProtectedDataNeed = keyof typeof PROTECTED_DATA_REASONS;

type GraphqlError = { message?: string; path?: readonly (string | number)[] };

const NOT_APPROVED = /not approved/i;

/**
 * What Shopify refused in the probe's answer (one recent order's id, email and phone): a refused
 * Order object means level 1 is missing (and with it everything else); a refused field, that field.
 */
export function missingProtectedData(errors: readonly GraphqlError[] | undefined): ProtectedDataNeed[] {
  const refused = (errors ?? []).filter((error) => NOT_APPROVED.test(error.message ?? ""));
  if (refused.some((error) => /\bOrder object\b/.test(error.message ?? "") || error.path?.at(-1) === "orders")) {
    return ["orders", "email", "phone"];
  }
  const fields = new Set(refused.map((error) => error.path?.at(-1)));
  return (["email", "phone"] as const).filter((field) => fields.has(field));
}
