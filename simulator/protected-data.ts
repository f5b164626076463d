import { GraphQLError } from "graphql";

/**
 * Protected customer data (https://shopify.dev/docs/apps/launch/protected-customer-data): a
 * public app reads customer data only once Shopify approved its request in the Partner Dashboard.
 * Level 1 is customer data without name, address, phone and email (an order, a customer record);
 * level 2 adds each of those four fields, requested one by one. Without level 1 the objects are
 * refused ("This app is not approved to access the Order object", as Shopify words it) and the
 * webhook topics about them are not delivered; without a level 2 field that field is refused.
 */
export type ProtectedField = "name" | "email" | "phone" | "address";

export type ProtectedDataGrant = {
  /** Level 1: the request to access protected customer data was approved. */
  approved: boolean;
  /** Level 2: the fields approved on top. */
  fields: ProtectedField[];
};

export const ALL_PROTECTED_DATA: ProtectedDataGrant = { approved: true, fields: ["name", "email", "phone", "address"] };

/** Objects that are customer data in themselves. */
const PROTECTED_TYPES = new Set(["Order", "Customer", "MailingAddress", "DraftOrder", "AbandonedCheckout"]);

/** Fields that need a level 2 field on top (the list in ../shared/SHOPIFY.md §1). */
const PROTECTED_FIELDS: Record<string, ProtectedField> = {
  "Order.email": "email",
  "Order.phone": "phone",
  "Customer.email": "email",
  "Customer.phone": "phone",
  "Customer.firstName": "name",
  "Customer.lastName": "name",
  "Customer.displayName": "name",
  "MailingAddress.firstName": "name",
  "MailingAddress.lastName": "name",
  "MailingAddress.name": "name",
  "MailingAddress.phone": "phone",
  "MailingAddress.address1": "address",
  "MailingAddress.address2": "address",
  "MailingAddress.zip": "address",
  "MailingAddress.latitude": "address",
  "MailingAddress.longitude": "address",
  "MailingAddress.formatted": "address",
};

/** Webhook topics about protected objects: subscriptions need level 1. */
const PROTECTED_TOPIC_PREFIXES = ["orders/", "fulfillments/", "fulfillment_events/", "returns/", "refunds/", "customers/", "draft_orders/", "checkouts/"];

const COMPLIANCE_TOPICS = new Set(["customers/data_request", "customers/redact", "shop/redact"]);

export function topicNeedsApproval(topic: string): boolean {
  return !COMPLIANCE_TOPICS.has(topic) && PROTECTED_TOPIC_PREFIXES.some((prefix) => topic.startsWith(prefix));
}

function denied(message: string): GraphQLError {
  return new GraphQLError(`${message} See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/docs/apps/launch/protected-customer-data" },
  });
}

/** Throws Shopify's refusal when `grant` does not cover the field or the object it hands out. */
export function requireProtectedData(grant: ProtectedDataGrant | null, parentType: string, fieldName: string, deliveredType: string): void {
  if (!grant) return;
  if (!grant.approved) {
    const object = PROTECTED_TYPES.has(deliveredType) ? deliveredType : PROTECTED_TYPES.has(parentType) ? parentType : null;
    if (object) throw denied(`This app is not approved to access the ${object} object.`);
  }
  const field = PROTECTED_FIELDS[`${parentType}.${fieldName}`];
  if (field && !grant.fields.includes(field)) throw denied(`This app is not approved to use the ${fieldName} field.`);
}

/** The demo's DEMO_PROTECTED_DATA setting: "none" (not approved), "level1" (no fields), or a comma list of level 2 fields. */
export function protectedDataFromSetting(value: string | undefined): ProtectedDataGrant {
  if (!value || value === "all") return ALL_PROTECTED_DATA;
  if (value === "none") return { approved: false, fields: [] };
  if (value === "level1") return { approved: true, fields: [] };
  const fields = value.split(",").map((field) => field.trim());
  const unknown = fields.filter((field) => !ALL_PROTECTED_DATA.fields.includes(field as ProtectedField));
  if (unknown.length) throw new Error(`DEMO_PROTECTED_DATA: unknown field(s) ${unknown.join(", ")}; use none, level1, all or some of name,email,phone,address`);
  return { approved: true, fields: fields as ProtectedField[] };
}
