import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { ProtectedDataGrant } from "./protected-data";
import type { Order, ShopData, Store } from "./store";

/**
 * What every resolver shares: the request context, the resolver signature, Relay pagination and
 * Shopify's money values. The resolvers themselves live in admin-api.ts (orders, fulfillments,
 * products).
 */

/** Without `read_all_orders`, Shopify only exposes orders from the last 60 days. */
export const ORDER_WINDOW_DAYS = 60;

export interface Context {
  store: Store;
  domain: string;
  data: ShopData;
  /** Granted scopes, or null when the caller does not restrict access. */
  scopes: Set<string> | null;
  /** Protected customer data Shopify approved, or null when the caller does not restrict it. */
  protectedData: ProtectedDataGrant | null;
  now: Date;
  /** See AdminApiOptions.searchLagMs. */
  searchLagMs?: number;
  isMutation: boolean;
  actualCost: number;
}

// Sources and arguments are checked by graphql-js against the schema before a resolver runs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Resolver = (source: any, args: any, context: Context, info: GraphQLResolveInfo) => unknown;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ last_id: key })).toString("base64");

function decodeCursor(cursor: string): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (decoded && typeof decoded === "object" && "last_id" in decoded) return String(decoded.last_id);
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor: ${cursor}`);
}

/** Relay connection over an already sorted list, keyed by id (or by `keyOf`). */
export function paginate<T>(items: readonly T[], args: ConnectionArgs, keyOf: (item: T) => string = (item) => (item as { id: string }).id) {
  if (args.first == null && args.last == null) throw new GraphQLError("you must provide one of first or last");
  const list = args.reverse ? [...items].reverse() : items;
  const indexOf = (cursor: string) => {
    const key = decodeCursor(cursor);
    const index = list.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw new GraphQLError(`Invalid cursor: ${cursor}`);
    return index;
  };
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : list.length;
  if (args.first != null) end = Math.min(end, start + Math.max(0, args.first));
  if (args.last != null) start = Math.max(start, end - Math.max(0, args.last));
  const page = list.slice(start, Math.max(start, end));
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: end < list.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export function sortBy<T>(items: readonly T[], value: (item: T) => string | number, tieBreak: (item: T) => number): T[] {
  return [...items].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return x < y ? -1 : x > y ? 1 : tieBreak(a) - tieBreak(b);
  });
}

/** Orders the app may read: Shopify hides orders older than 60 days without `read_all_orders`. */
export function visibleOrders(context: Context): Order[] {
  if (!context.scopes || context.scopes.has("read_all_orders")) return context.data.orders;
  const oldest = context.now.getTime() - ORDER_WINDOW_DAYS * 24 * 3600 * 1000;
  return context.data.orders.filter((order) => Date.parse(order.createdAt) >= oldest);
}

export const findOrder = (context: Context, id: string) => visibleOrders(context).find((order) => order.id === id) ?? null;

/** Shopify's Decimal rendering: "189.0", "39.99". */
export function decimal(amount: string | number): string {
  const value = Number(amount);
  return Number.isInteger(value) ? value.toFixed(1) : String(Number(value.toFixed(2)));
}

export const moneyV2 = (amount: string | number, currencyCode: string) => ({ amount: decimal(amount), currencyCode });

/** Shop and presentment currency are the same in the simulator. */
export function moneyBag(amount: string | number, currencyCode: string) {
  return { shopMoney: moneyV2(amount, currencyCode), presentmentMoney: moneyV2(amount, currencyCode) };
}

export const times = (price: string, quantity: number) => ((Math.round(Number(price) * 100) * quantity) / 100).toFixed(2);
