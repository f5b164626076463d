import { z } from "zod";

/**
 * The parts of Shopify's webhook payloads (REST shapes, see the webhook reference) that handlers
 * read, in one place. Lenient as Shopify's payloads require: fields nobody reads are ignored, a
 * field Shopify may leave out or send as null is optional, so a payload is refused (400) only when
 * what a handler needs is missing or of the wrong type.
 */

/** A REST id: Shopify's numeric id, sent beside the GraphQL `admin_graphql_api_id`. */
const restId = z.number().int().nullish();
/** An ISO 8601 time as Shopify writes it (with its offset); anything else counts as absent. */
const time = z.string().datetime({ offset: true }).nullish().catch(null);

/** returns/*: request and approve send the whole return, decline adds `decline`, cancel/close/reopen only ids and status. */
export const ReturnWebhookSchema = z.object({
  id: restId,
  admin_graphql_api_id: z.string(),
  status: z.string().nullish(),
});

/** orders/*, fulfillments/*, fulfillment_events/*: which order the delivery is about. */
export const OrderRefSchema = z.object({ order_id: restId, admin_graphql_api_id: z.string().nullish() });

/** fulfillments/create|update: the shipment's tracking and the order lines it carries. */
export const FulfillmentWebhookSchema = z.object({
  admin_graphql_api_id: z.string().nullish(),
  order_id: restId,
  updated_at: time,
  tracking_number: z.string().nullish(),
  tracking_url: z.string().nullish(),
  line_items: z.array(z.object({ admin_graphql_api_id: z.string() })).nullish(),
});

/** app/scopes_update: the scopes now granted, and when they changed. */
export const ScopesUpdateSchema = z.object({ current: z.array(z.string()), updated_at: time });

/** app/uninstalled: the shop's record; nothing in it is needed, but a body that is not one is refused. */
export const AppUninstalledSchema = z.object({});
