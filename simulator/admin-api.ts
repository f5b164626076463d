import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import {
  execute as executeGraphQL,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isAbstractType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import {
  findOrder,
  moneyBag,
  moneyV2,
  paginate,
  sortBy,
  times,
  visibleOrders,
  type ConnectionArgs,
  type Context,
  type Resolver,
} from "./resolver-kit";
import { lookupReturnsNode, RETURNS_RESOLVERS } from "./returns-api";
import { requireProtectedData, type ProtectedDataGrant } from "./protected-data";
import { ADMIN_SCHEMA_PATH, adminSchema } from "./schema";
import { compareDate, compareNumber, gidOrNumber, looseWordsMatch, matchesTerms, parseSearchQuery, sameText, type SearchTerm } from "./search";
import {
  currentQuantity,
  currentTotalPrice,
  fulfilledQuantity,
  gidType,
  legacyId,
  orderDisplayFulfillmentStatus,
  orderNumberOf,
  orderReturnStatus,
  returnableQuantities,
  unfulfilledQuantity,
  type Customer,
  type Fulfillment,
  type FulfillmentLineItem,
  type LineItem,
  type MailingAddress,
  type Order,
  type Product,
  type ProductVariant,
  type ReturnReasonDefinition,
  type ShopData,
  type Store,
} from "./store";

/**
 * Shopify's Admin GraphQL API (2026-10) over the in-memory store: real schema, graphql-js
 * validation, Shopify's calculated query cost and leaky-bucket throttling, access scopes,
 * `@idempotent` where Shopify documents it, and resolvers for the order / fulfillment / product
 * slice Harbor Support uses (returns, refunds and store credit: returns-api.ts). Fields the
 * simulator does not model resolve to null, or to an empty value when the schema says non-null.
 */

export { ORDER_WINDOW_DAYS } from "./resolver-kit";
export { parseSearchQuery, type SearchTerm } from "./search";

export const MAX_QUERY_COST = 1000;
export const MUTATION_COST = 10;

export interface AdminApiOptions {
  now?: () => Date;
  /** Bucket size in cost points (Shopify Standard plan: 2000 for the 100/s restore rate). */
  bucketSize?: number;
  /** Points restored per second. */
  restoreRate?: number;
  /**
   * How long a new order stays out of search results (`query:` filters) while Shopify indexes it;
   * unfiltered lists show it at once. 0: indexed immediately.
   */
  searchLagMs?: number;
}

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface AdminApiResponse {
  status: number;
  body: unknown;
}

export type AdminApi = ReturnType<typeof createAdminApi>;

export function createAdminApi(store: Store, options: AdminApiOptions = {}) {
  const now = options.now ?? store.now;
  const bucketSize = options.bucketSize ?? 2000;
  const restoreRate = options.restoreRate ?? 100;
  const schema = adminSchema();
  checkResolversAgainst(schema);
  const buckets = new Map<string, { available: number; at: number }>();
  /** Shops whose restored points something else spends at once (drainBucket with untilReset). */
  const heldEmpty = new Set<string>();

  /** The shop's bucket after restoring `restoreRate` points per elapsed second. */
  function bucket(shop: string) {
    const at = now().getTime();
    const state = buckets.get(shop) ?? { available: bucketSize, at };
    state.available = heldEmpty.has(shop) ? 0 : Math.min(bucketSize, state.available + ((at - state.at) / 1000) * restoreRate);
    state.at = at;
    buckets.set(shop, state);
    return state;
  }

  const costExtension = (requested: number, actual: number | null, available: number) => ({
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: { maximumAvailable: bucketSize, currentlyAvailable: Math.floor(available), restoreRate },
    },
  });

  async function execute(
    shop: string,
    body: GraphQLRequestBody,
    grantedScopes?: string[],
    protectedData?: ProtectedDataGrant,
  ): Promise<AdminApiResponse> {
    if (!store.getShop(shop)) return { status: 404, body: { errors: "Not Found" } };
    if (typeof body?.query !== "string" || body.query.trim() === "") {
      return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
    }

    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return graphqlErrors([error as GraphQLError]);
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) return graphqlErrors(validationErrors);

    const operation = getOperationAST(document, body.operationName);
    if (!operation) {
      // Let graphql-js word the "which operation?" error.
      const result = await executeGraphQL({ schema, document, operationName: body.operationName });
      return graphqlErrors(result.errors ?? []);
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], body.variables ?? {});
    if (coerced.errors) return graphqlErrors(coerced.errors);
    const idempotencyError = checkIdempotentDirectives(schema, document, operation, coerced.coerced);
    if (idempotencyError) return graphqlErrors([idempotencyError]);

    const requested = requestedQueryCost(schema, document, operation, coerced.coerced);
    if (requested > MAX_QUERY_COST) {
      return {
        status: 200,
        body: {
          errors: [
            {
              message:
                `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
                "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
                "cost of a query is calculated.\n\n" +
                "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
                "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
              extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST },
            },
          ],
        },
      };
    }

    const state = bucket(shop);
    if (state.available < requested) {
      return {
        status: 200,
        body: {
          errors: [
            {
              message: "Throttled",
              extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
            },
          ],
          extensions: costExtension(requested, null, state.available),
        },
      };
    }
    state.available -= requested;

    const context: Context = {
      store,
      domain: shop,
      data: store.getShopData(shop),
      scopes: grantedScopes ? impliedScopes(grantedScopes) : null,
      protectedData: protectedData ?? null,
      now: now(),
      searchLagMs: options.searchLagMs,
      isMutation: operation.operation === "mutation",
      actualCost: 0,
    };
    const result = await executeGraphQL({
      schema,
      document,
      operationName: body.operationName,
      variableValues: body.variables,
      rootValue: {},
      contextValue: context,
      fieldResolver,
      typeResolver,
    });
    // Shopify charges the requested cost up front and refunds what the query did not use.
    const actual = context.isMutation ? requested : Math.min(requested, context.actualCost);
    state.available = Math.min(bucketSize, state.available + requested - actual);

    return {
      status: 200,
      body: {
        ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
        data: result.data ?? null,
        extensions: costExtension(requested, actual, state.available),
      },
    };
  }

  return {
    execute,
    /**
     * Empties the shop's bucket, as after a burst of expensive queries. With `untilReset`, it stays
     * empty (as when other workers of the app spend every point restored) until resetBucket.
     */
    drainBucket(shop: string, options: { untilReset?: boolean } = {}) {
      if (options.untilReset) heldEmpty.add(shop);
      bucket(shop).available = 0;
    },
    /** Refills the shop's bucket completely. */
    resetBucket(shop: string) {
      heldEmpty.delete(shop);
      bucket(shop).available = bucketSize;
    },
  };
}

function graphqlErrors(errors: readonly GraphQLError[]): AdminApiResponse {
  return { status: 200, body: { errors: errors.map((error) => error.toJSON()) } };
}

/**
 * `@idempotent(key:)` is only accepted on the mutations whose description documents it (in
 * 2026-10, refundCreate and a few inventory mutations), and never with a blank key.
 */
function checkIdempotentDirectives(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | undefined {
  const directive = schema.getDirective("idempotent");
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  const supported = new Set(
    operation.operation === "mutation"
      ? operation.selectionSet.selections.filter(
          (selection): selection is FieldNode =>
            selection.kind === Kind.FIELD && Boolean(mutationFields[selection.name.value]?.description?.includes("@idempotent")),
        )
      : [],
  );
  let error: GraphQLError | undefined;
  visit(document, {
    Field(node) {
      if (error || !directive || !node.directives?.some((candidate) => candidate.name.value === "idempotent")) return;
      if (!supported.has(node)) {
        error = new GraphQLError(`The @idempotent directive is not supported on the ${node.name.value} field.`, {
          nodes: [node],
          extensions: { code: "BAD_REQUEST" },
        });
      } else if (String(getDirectiveValues(directive, node, variables)?.key ?? "").trim() === "") {
        error = new GraphQLError("The idempotency key cannot be blank.", { nodes: [node], extensions: { code: "BAD_REQUEST" } });
      }
    },
  });
  return error;
}

// ---------------------------------------------------------------------------------------------
// Query cost (https://shopify.dev/docs/api/usage/rate-limits#cost-calculation)
// Scalars and enums 0, objects 1, connections 2 + page size × the cost of one node, lists of
// objects their `first` × the cost of one item, each top-level mutation field 10.
// ---------------------------------------------------------------------------------------------

interface CostInput {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function requestedQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  if (operation.operation === "mutation") {
    return MUTATION_COST * operation.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD).length;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  return root ? selectionSetCost({ schema, fragments, variables }, root, operation.selectionSet) : 0;
}

function selectionSetCost(input: CostInput, parent: GraphQLCompositeType, selectionSet: SelectionSetNode): number {
  let shared = 0;
  // Fragments that narrow an interface or union to one object type: only one of them applies
  // to each returned object, so the most expensive type counts.
  const perObjectType = new Map<string, number>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      shared += fieldCost(input, parent, selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments.get(selection.name.value);
    if (!fragment) continue;
    const conditionName = fragment.typeCondition?.name.value ?? parent.name;
    const condition = input.schema.getType(conditionName) as GraphQLCompositeType;
    const cost = selectionSetCost(input, condition, fragment.selectionSet);
    if (isAbstractType(parent) && isObjectType(condition)) {
      perObjectType.set(conditionName, (perObjectType.get(conditionName) ?? 0) + cost);
    } else {
      shared += cost;
    }
  }
  return shared + Math.max(0, ...perObjectType.values());
}

function fieldCost(input: CostInput, parent: GraphQLCompositeType, node: FieldNode): number {
  if (!("getFields" in parent)) return 0; // a union's own selections can only be __typename
  const field = parent.getFields()[node.name.value];
  if (!field || !node.selectionSet) return 0; // introspection fields and leaves
  const type = getNamedType(field.type) as GraphQLCompositeType;
  const children = selectionSetCost(input, type, node.selectionSet);
  if (isConnectionType(parent)) {
    // Edges and pageInfo are part of the connection's base cost; each node costs 1.
    if (node.name.value === "nodes") return 1 + children;
    return node.name.value === "edges" ? children : 0;
  }
  const args = getArgumentValues(field, node, input.variables);
  if (isConnectionType(type)) return 2 + pageSize(args) * children;
  if (isListType(getNullableType(field.type))) return listSize(args) * (1 + children);
  return 1 + children;
}

function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

const pageSize = (args: Record<string, unknown>) => Number(args.first ?? args.last ?? 0);

function listSize(args: Record<string, unknown>): number {
  if (typeof args.first === "number") return args.first;
  return Array.isArray(args.ids) ? args.ids.length : 1;
}

/** Adds what a resolved field actually cost, by the same rules as the requested cost. */
function chargeActualCost(context: Context, info: GraphQLResolveInfo, result: unknown) {
  if (context.isMutation || result === null || result === undefined || isLeafType(getNamedType(info.returnType))) return;
  if (isConnectionType(info.parentType)) {
    if (info.fieldName === "nodes" && Array.isArray(result)) context.actualCost += result.length;
    return;
  }
  if (isConnectionType(getNamedType(info.returnType))) context.actualCost += 2;
  else context.actualCost += Array.isArray(result) ? result.length : 1;
}

// ---------------------------------------------------------------------------------------------
// Access scopes, from the `offline_scopes` metadata that ships with the schema: a type's rule
// guards every field returning it (through connections too), a field's own rule guards it.
// A rule reads like "`read_orders` access scope or `read_marketplace_orders` access scope. Also:
// Requires the `read_returns` access scope.": one scope from each sentence must be granted.
// ---------------------------------------------------------------------------------------------

interface AccessRule {
  /** Shopify's wording, quoted in the error. */
  text: string;
  /** Each group needs one of its scopes. */
  groups: string[][];
}

let accessRules: Map<string, AccessRule> | undefined;

/** Rules by `Type` and `Type.field`. */
function loadAccessRules(): Map<string, AccessRule> {
  const file = JSON.parse(gunzipSync(readFileSync(ADMIN_SCHEMA_PATH)).toString("utf8")) as {
    offline_scopes: { items: Array<{ typeName: string; fieldName?: string; requiredAccess: string }> };
  };
  const rules = new Map<string, AccessRule>();
  for (const item of file.offline_scopes.items) {
    if (!item.requiredAccess) continue;
    const [main = "", also = ""] = item.requiredAccess.split(/\bAlso:/);
    const scopesIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);
    const groups = [
      scopesIn(main, /`([a-z_]+)`/g),
      // "Also:" may add user permissions as well; only scopes are checked.
      scopesIn(also, /`([a-z_]+)` (?:access )?scope/g),
    ].filter((group) => group.length > 0);
    if (groups.length > 0) {
      rules.set(item.fieldName ? `${item.typeName}.${item.fieldName}` : item.typeName, { text: item.requiredAccess, groups });
    }
  }
  return rules;
}

function accessRule(key: string): AccessRule | undefined {
  accessRules ??= loadAccessRules();
  return accessRules.get(key);
}

/** The object type a field hands out: a connection's or edge's node type, else its named type. */
function deliveredType(type: GraphQLOutputType): GraphQLNamedType {
  const named = getNamedType(type);
  if (!isObjectType(named)) return named;
  const inner = named.getFields().nodes ?? named.getFields().node;
  return (isConnectionType(named) || named.name.endsWith("Edge")) && inner ? getNamedType(inner.type) : named;
}

/** Scopes listed by `currentAppInstallation` when the caller does not restrict them. */
const ALL_SIMULATED_SCOPES = [
  "read_customers",
  "read_locations",
  "read_orders",
  "read_products",
  "read_returns",
  "read_store_credit_accounts",
  "write_returns",
  "write_store_credit_account_transactions",
  "write_app_proxy",
];

/** `write_x` implies `read_x`, as on Shopify. */
function impliedScopes(granted: string[]): Set<string> {
  const scopes = new Set(granted);
  for (const scope of granted) if (scope.startsWith("write_")) scopes.add(`read_${scope.slice("write_".length)}`);
  return scopes;
}

/** Throws Shopify's ACCESS_DENIED error unless the granted scopes satisfy the rules under `ruleKeys`. */
function requireAccess(context: Context, fieldName: string, ruleKeys: string[]) {
  const { scopes } = context;
  if (!scopes) return;
  const denied = ruleKeys
    .map(accessRule)
    .find((rule) => rule?.groups.some((group) => !group.some((scope) => scopes.has(scope))));
  if (!denied) return;
  throw new GraphQLError(`Access denied for ${fieldName} field. Required access: ${denied.text}`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: denied.text },
  });
}

// ---------------------------------------------------------------------------------------------
// Execution plumbing
// ---------------------------------------------------------------------------------------------

const fieldResolver: GraphQLFieldResolver<unknown, Context> = (source, args, context, info) => {
  const delivered = deliveredType(info.returnType).name;
  requireAccess(context, info.fieldName, [`${info.parentType.name}.${info.fieldName}`, delivered]);
  requireProtectedData(context.protectedData, info.parentType.name, info.fieldName, delivered);
  const resolve = RESOLVERS[info.parentType.name]?.[info.fieldName];
  const result = resolve ? resolve(source, args, context, info) : defaultResolve(source, context, info);
  chargeActualCost(context, info, result);
  return result;
};

/** Records carry GIDs, so their GraphQL type is the GID's type; built objects set __typename. */
const typeResolver: GraphQLTypeResolver<unknown, Context> = (value) => {
  if (value === null || typeof value !== "object") return undefined;
  const record = value as { __typename?: string; id?: unknown };
  return record.__typename ?? (typeof record.id === "string" ? gidType(record.id) : undefined);
};

const SCALAR_DEFAULTS: Record<string, unknown> = {
  Boolean: false,
  Int: 0,
  Float: 0,
  Decimal: "0.0",
  Money: "0.00",
  UnsignedInt64: "0",
};

/** A record property of the same name, else null, else an empty value of the non-null type. */
function defaultResolve(source: unknown, context: Context, info: GraphQLResolveInfo): unknown {
  if (source !== null && typeof source === "object" && info.fieldName in source) {
    return (source as Record<string, unknown>)[info.fieldName];
  }
  if (info.fieldName === "legacyResourceId") return String(legacyId((source as { id: string }).id));
  return emptyValue(info.returnType, context);
}

function emptyValue(type: GraphQLOutputType, context: Context): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) {
    return inner.name === "CurrencyCode" ? context.data.shop.currencyCode : inner.getValues()[0]?.value;
  }
  if (isScalarType(inner)) return inner.name in SCALAR_DEFAULTS ? SCALAR_DEFAULTS[inner.name] : "";
  return {}; // an object whose fields resolve to empty values in turn
}


const FULFILLMENT_STATUS_ALIASES: Record<string, string> = {
  shipped: "FULFILLED",
  partial: "PARTIALLY_FULFILLED",
  unshipped: "UNFULFILLED",
};

function orderFilters(context: Context): Record<string, (order: Order, term: SearchTerm) => boolean> {
  const date = (pick: (order: Order) => string) => (order: Order, term: SearchTerm) => compareDate(pick(order), term, context.now);
  return {
    // A bare word matches an order name as loosely as `name:` does, or an email or shipping name exactly, ignoring case.
    default: (order, term) =>
      looseWordsMatch(order.name, term.value) ||
      [order.email, order.shippingAddress?.firstName, order.shippingAddress?.lastName].some((part) => sameText(part, term.value)),
    name: (order, term) => looseWordsMatch(order.name, term.value),
    email: (order, term) => sameText(order.email, term.value),
    customer_id: (order, term) => order.customerId !== null && legacyId(order.customerId) === gidOrNumber(term.value),
    id: (order, term) => compareNumber(legacyId(order.id), { ...term, value: String(gidOrNumber(term.value)) }),
    status: (order, term) => {
      const status = term.value.toLowerCase();
      if (status === "open") return order.closedAt === null && order.cancelledAt === null;
      if (status === "closed") return order.closedAt !== null;
      if (status === "cancelled") return order.cancelledAt !== null;
      if (status === "not_closed") return order.closedAt === null;
      return status === "any";
    },
    financial_status: (order, term) => sameText(order.financialStatus, term.value),
    fulfillment_status: (order, term) => {
      const wanted = term.value.toLowerCase();
      return wanted === "any" || orderDisplayFulfillmentStatus(order) === (FULFILLMENT_STATUS_ALIASES[wanted] ?? wanted.toUpperCase());
    },
    return_status: (order, term) => sameText(orderReturnStatus(order), term.value),
    tag: (order, term) => order.tags.some((tag) => sameText(tag, term.value)),
    tag_not: (order, term) => !order.tags.some((tag) => sameText(tag, term.value)),
    created_at: date((order) => order.createdAt),
    processed_at: date((order) => order.processedAt),
    updated_at: date((order) => order.updatedAt),
  };
}

const ORDER_SORT_VALUES: Record<string, (order: Order) => string | number> = {
  ID: (order) => legacyId(order.id),
  CREATED_AT: (order) => order.createdAt,
  PROCESSED_AT: (order) => order.processedAt,
  UPDATED_AT: (order) => order.updatedAt,
  ORDER_NUMBER: (order) => orderNumberOf(order.name),
  TOTAL_PRICE: (order) => Number(order.totalPrice),
  CURRENT_TOTAL_PRICE: (order) => Number(currentTotalPrice(order)),
};

interface OrderSearchArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string | null;
}

/** The filters that read the text index (names, emails), where a new order appears late. */
const TEXT_FILTERS = new Set([null, "name", "email"]);

/**
 * Orders a search can find: a text search (`name:`, `email:`, bare words) only finds those Shopify
 * has indexed by now; lists, ids and other filters show every order at once. Which filters lag on
 * Shopify is not documented; the text index is where a brand-new order is reported missing.
 */
function searchable(context: Context, terms: SearchTerm[]): Order[] {
  const lag = context.searchLagMs ?? 0;
  if (lag <= 0 || !terms.some((term) => TEXT_FILTERS.has(term.key))) return visibleOrders(context);
  return visibleOrders(context).filter((order) => context.now.getTime() - Date.parse(order.createdAt) >= lag);
}

function searchOrders(context: Context, args: OrderSearchArgs, scope: (order: Order) => boolean = () => true) {
  const terms = parseSearchQuery(args.query ?? "");
  const filters = orderFilters(context);
  const matching = searchable(context, terms).filter((order) => scope(order) && matchesTerms(order, terms, filters));
  const sortValue = ORDER_SORT_VALUES[args.sortKey ?? "PROCESSED_AT"] ?? ORDER_SORT_VALUES.ID!;
  return paginate(sortBy(matching, sortValue, (order) => legacyId(order.id)), args);
}

// ---------------------------------------------------------------------------------------------
// Helpers for the resolvers below
// ---------------------------------------------------------------------------------------------

function lineItemOrder(context: Context, lineItem: LineItem): Order {
  const found = context.store.getLineItem(context.domain, lineItem.id);
  if (!found) throw new Error(`Line item ${lineItem.id} has no order`);
  return found.order;
}

function fulfillmentOrder(context: Context, fulfillment: Fulfillment): Order {
  const found = context.store.getFulfillment(context.domain, fulfillment.id);
  if (!found) throw new Error(`Fulfillment ${fulfillment.id} has no order`);
  return found.order;
}

function lookupNode(context: Context, id: string): unknown {
  const type = gidType(id);
  if (!type) return null;
  requireAccess(context, "node", [type]);
  const { store, domain } = context;
  switch (type) {
    case "Order":
      return findOrder(context, id);
    case "LineItem":
      return store.getLineItem(domain, id)?.lineItem ?? null;
    case "Fulfillment":
      return store.getFulfillment(domain, id)?.fulfillment ?? null;
    case "FulfillmentLineItem":
      return store.getFulfillmentLineItem(domain, id)?.fulfillmentLineItem ?? null;
    case "Return":
      return store.getReturn(domain, id)?.return ?? null;
    case "ReturnLineItem":
      return store.getReturnLineItem(domain, id)?.returnLineItem ?? null;
    case "ReturnReasonDefinition":
      return store.getReturnReasonDefinition(domain, id) ?? null;
    case "Customer":
      return store.getCustomer(domain, id) ?? null;
    case "Product":
      return store.getProduct(domain, id) ?? null;
    case "ProductVariant":
      return store.getVariant(domain, id)?.variant ?? null;
    default:
      return lookupReturnsNode(context, type, id) ?? null;
  }
}

interface ReturnableFulfillmentView {
  __typename: "ReturnableFulfillment";
  id: string;
  fulfillment: Fulfillment;
  lineItems: Array<{ fulfillmentLineItem: FulfillmentLineItem; quantity: number }>;
}

function returnableFulfillments(order: Order): ReturnableFulfillmentView[] {
  const returnable = returnableQuantities(order);
  return order.fulfillments
    .map((fulfillment) => ({
      __typename: "ReturnableFulfillment" as const,
      id: `gid://shopify/ReturnableFulfillment/${legacyId(fulfillment.id)}`,
      fulfillment,
      lineItems: fulfillment.fulfillmentLineItems
        .map((fulfillmentLineItem) => ({ fulfillmentLineItem, quantity: returnable.get(fulfillmentLineItem.id) ?? 0 }))
        .filter((item) => item.quantity > 0),
    }))
    .filter((view) => view.lineItems.length > 0);
}

function addressView(order: Order, address: MailingAddress) {
  return { ...address, __typename: "MailingAddress", id: `gid://shopify/MailingAddress/${legacyId(order.id)}?model_name=Address` };
}

// ---------------------------------------------------------------------------------------------
// Resolvers, by GraphQL type. Only fields that are not a same-named record property are listed.
// ---------------------------------------------------------------------------------------------

const ORDER_RESOLVERS: Record<string, Record<string, Resolver>> = {
  QueryRoot: {
    shop: (_root, _args, context: Context) => context.data.shop,
    currentAppInstallation: (_root, _args, context: Context) => ({
      id: "gid://shopify/AppInstallation/1",
      accessScopes: [...(context.scopes ?? ALL_SIMULATED_SCOPES)].sort().map((handle) => ({ handle, description: "" })),
    }),
    orders: (_root, args: OrderSearchArgs, context: Context) => searchOrders(context, args),
    // graphql-js fills in the schema's default limit (10,000); null means no limit.
    ordersCount: (_root, args: { query?: string | null; limit?: number | null }, context: Context) => {
      const terms = parseSearchQuery(args.query ?? "");
      const filters = orderFilters(context);
      const count = searchable(context, terms).filter((order) => matchesTerms(order, terms, filters)).length;
      const limit = args.limit ?? Infinity;
      return count > limit ? { count: limit, precision: "AT_LEAST" } : { count, precision: "EXACT" };
    },
    order: (_root, args: { id: string }, context: Context) => findOrder(context, args.id),
    node: (_root, args: { id: string }, context: Context) => lookupNode(context, args.id),
    nodes: (_root, args: { ids: string[] }, context: Context) => args.ids.map((id) => lookupNode(context, id)),
    fulfillment: (_root, args: { id: string }, context: Context) =>
      context.store.getFulfillment(context.domain, args.id)?.fulfillment ?? null,
    customer: (_root, args: { id: string }, context: Context) => context.store.getCustomer(context.domain, args.id) ?? null,
    product: (_root, args: { id: string }, context: Context) => context.store.getProduct(context.domain, args.id) ?? null,
    productVariant: (_root, args: { id: string }, context: Context) => context.store.getVariant(context.domain, args.id)?.variant ?? null,
    returnReasonDefinitions: (
      _root,
      args: ConnectionArgs & { query?: string | null; handles?: string[] | null; ids?: string[] | null; sortKey: string },
      context: Context,
    ) => {
      const filters: Record<string, (definition: ReturnReasonDefinition, term: SearchTerm) => boolean> = {
        deleted: (definition, term) => String(definition.deleted) === term.value.toLowerCase(),
        handle: (definition, term) => definition.handle === term.value,
        id: (definition, term) => legacyId(definition.id) === gidOrNumber(term.value),
      };
      const terms = parseSearchQuery(args.query ?? "");
      const matching = context.data.returnReasonDefinitions.filter(
        (definition) =>
          (!args.handles || args.handles.includes(definition.handle)) &&
          (!args.ids || args.ids.includes(definition.id)) &&
          matchesTerms(definition, terms, filters),
      );
      const sortValue = { HANDLE: (d: ReturnReasonDefinition) => d.handle, NAME: (d: ReturnReasonDefinition) => d.name }[args.sortKey];
      return paginate(sortBy(matching, sortValue ?? ((d) => legacyId(d.id)), (d) => legacyId(d.id)), args);
    },
    returnableFulfillments: (_root, args: ConnectionArgs & { orderId: string }, context: Context) => {
      const order = findOrder(context, args.orderId);
      if (!order) throw new GraphQLError("Order does not exist.", { extensions: { code: "NOT_FOUND" } });
      return paginate(returnableFulfillments(order), args);
    },
  },

  Shop: {
    myshopifyDomain: (shop: ShopData["shop"]) => shop.domain,
    // The fixture's one address serves as the public contact address too.
    contactEmail: (shop: ShopData["shop"]) => shop.email,
    url: (shop: ShopData["shop"]) => `https://${shop.domain}`,
    primaryDomain: (shop: ShopData["shop"]) => ({
      id: `gid://shopify/Domain/${legacyId(shop.id)}`,
      host: shop.domain,
      url: `https://${shop.domain}`,
      sslEnabled: true,
    }),
  },

  Order: {
    // The number the shop's prefix and suffix wrap into the name (the schema's description).
    number: (order: Order) => orderNumberOf(order.name),
    closed: (order: Order) => order.closedAt !== null,
    confirmed: () => true,
    displayFinancialStatus: (order: Order) => order.financialStatus,
    displayFulfillmentStatus: (order: Order) => orderDisplayFulfillmentStatus(order),
    returnStatus: (order: Order) => orderReturnStatus(order),
    statusPageUrl: (order: Order, _args, context: Context) => {
      const digest = createHash("sha256").update(`${context.domain}:${order.id}`).digest("hex");
      return `https://${context.domain}/${legacyId(context.data.shop.id)}/orders/${digest.slice(0, 32)}/authenticate?key=${digest.slice(32)}`;
    },
    presentmentCurrencyCode: (order: Order) => order.currencyCode,
    subtotalPriceSet: (order: Order) => moneyBag(order.subtotalPrice, order.currencyCode),
    totalShippingPriceSet: (order: Order) => moneyBag(order.totalShippingPrice, order.currencyCode),
    totalTaxSet: (order: Order) => moneyBag(order.totalTax, order.currencyCode),
    totalPriceSet: (order: Order) => moneyBag(order.totalPrice, order.currencyCode),
    originalTotalPriceSet: (order: Order) => moneyBag(order.totalPrice, order.currencyCode),
    currentTotalPriceSet: (order: Order) => moneyBag(currentTotalPrice(order), order.currencyCode),
    totalRefundedSet: (order: Order) => moneyBag(order.totalRefunded, order.currencyCode),
    subtotalLineItemsQuantity: (order: Order) => order.lineItems.reduce((sum, lineItem) => sum + lineItem.quantity, 0),
    currentSubtotalLineItemsQuantity: (order: Order) => order.lineItems.reduce((sum, lineItem) => sum + currentQuantity(lineItem), 0),
    fullyPaid: (order: Order) => ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.financialStatus),
    unpaid: (order: Order) => ["PENDING", "AUTHORIZED", "EXPIRED"].includes(order.financialStatus),
    refundable: (order: Order) => !["REFUNDED", "VOIDED", "PENDING", "AUTHORIZED", "EXPIRED"].includes(order.financialStatus),
    requiresShipping: (order: Order) => order.lineItems.some((lineItem) => lineItem.requiresShipping),
    fulfillable: (order: Order) =>
      order.cancelledAt === null && order.lineItems.some((lineItem) => unfulfilledQuantity(order, lineItem) > 0),
    canNotifyCustomer: (order: Order) => order.email !== null,
    customer: (order: Order, _args, context: Context) =>
      order.customerId ? (context.store.getCustomer(context.domain, order.customerId) ?? null) : null,
    shippingAddress: (order: Order) => order.shippingAddress && addressView(order, order.shippingAddress),
    displayAddress: (order: Order) => order.shippingAddress && addressView(order, order.shippingAddress),
    lineItems: (order: Order, args: ConnectionArgs) => paginate(order.lineItems, args),
    fulfillments: (order: Order, args: { first?: number | null }) =>
      args.first == null ? order.fulfillments : order.fulfillments.slice(0, Math.max(0, args.first)),
    fulfillmentsCount: (order: Order) => ({ count: order.fulfillments.length, precision: "EXACT" }),
    returns: (order: Order, args: ConnectionArgs) => paginate(order.returns, args),
  },

  MailingAddress: {
    countryCodeV2: (address: MailingAddress) => address.countryCode,
    name: (address: MailingAddress) => [address.firstName, address.lastName].filter(Boolean).join(" ") || null,
    formattedArea: (address: MailingAddress) =>
      [[address.city, address.provinceCode].filter(Boolean).join(" "), address.country].filter(Boolean).join(", ") || null,
    formatted: (address: MailingAddress, args: { withName?: boolean | null }) =>
      [
        args.withName ? [address.firstName, address.lastName].filter(Boolean).join(" ") : null,
        address.address1,
        address.address2,
        [address.city, address.provinceCode, address.zip].filter(Boolean).join(" "),
        address.country,
      ].filter((line): line is string => Boolean(line)),
  },

  LineItem: {
    name: (lineItem: LineItem) => (lineItem.variantTitle ? `${lineItem.title} - ${lineItem.variantTitle}` : lineItem.title),
    currentQuantity: (lineItem: LineItem) => currentQuantity(lineItem),
    refundableQuantity: (lineItem: LineItem) => currentQuantity(lineItem),
    unfulfilledQuantity: (lineItem: LineItem, _args, context: Context) => unfulfilledQuantity(lineItemOrder(context, lineItem), lineItem),
    nonFulfillableQuantity: (lineItem: LineItem, _args, context: Context) => {
      const order = lineItemOrder(context, lineItem);
      return Math.max(0, lineItem.quantity - fulfilledQuantity(order, lineItem.id) - unfulfilledQuantity(order, lineItem));
    },
    image: (lineItem: LineItem) =>
      lineItem.imageUrl ? { url: lineItem.imageUrl, altText: lineItem.title, width: 1200, height: 1200 } : null,
    originalUnitPriceSet: (lineItem: LineItem, _args, context: Context) => moneyBag(lineItem.price, context.data.shop.currencyCode),
    discountedUnitPriceSet: (lineItem: LineItem, _args, context: Context) => moneyBag(lineItem.price, context.data.shop.currencyCode),
    originalTotalSet: (lineItem: LineItem, _args, context: Context) =>
      moneyBag(times(lineItem.price, lineItem.quantity), context.data.shop.currencyCode),
    discountedTotalSet: (lineItem: LineItem, _args, context: Context) =>
      moneyBag(times(lineItem.price, lineItem.quantity), context.data.shop.currencyCode),
    variant: (lineItem: LineItem, _args, context: Context) =>
      lineItem.variantId ? (context.store.getVariant(context.domain, lineItem.variantId)?.variant ?? null) : null,
    product: (lineItem: LineItem, _args, context: Context) =>
      lineItem.productId ? (context.store.getProduct(context.domain, lineItem.productId) ?? null) : null,
    vendor: (lineItem: LineItem, _args, context: Context) =>
      lineItem.productId ? (context.store.getProduct(context.domain, lineItem.productId)?.vendor ?? null) : null,
  },

  Image: {
    url: (image: { url: string }, args: { transform?: { maxWidth?: number; maxHeight?: number; crop?: string } | null }) => {
      const url = new URL(image.url);
      if (args.transform?.maxWidth) url.searchParams.set("width", String(args.transform.maxWidth));
      if (args.transform?.maxHeight) url.searchParams.set("height", String(args.transform.maxHeight));
      if (args.transform?.crop) url.searchParams.set("crop", args.transform.crop.toLowerCase());
      return url.toString();
    },
  },

  Fulfillment: {
    name: (fulfillment: Fulfillment, _args, context: Context) => {
      const order = fulfillmentOrder(context, fulfillment);
      return `${order.name}.${order.fulfillments.indexOf(fulfillment) + 1}`;
    },
    order: (fulfillment: Fulfillment, _args, context: Context) => fulfillmentOrder(context, fulfillment),
    totalQuantity: (fulfillment: Fulfillment) => fulfillment.fulfillmentLineItems.reduce((sum, item) => sum + item.quantity, 0),
    requiresShipping: (fulfillment: Fulfillment, _args, context: Context) =>
      fulfillment.fulfillmentLineItems.some((item) => context.store.getLineItem(context.domain, item.lineItemId)?.lineItem.requiresShipping),
    trackingInfo: (fulfillment: Fulfillment, args: { first?: number | null }) =>
      args.first == null ? fulfillment.trackingInfo : fulfillment.trackingInfo.slice(0, Math.max(0, args.first)),
    events: (fulfillment: Fulfillment, args: ConnectionArgs & { sortKey: string }) =>
      paginate(
        args.sortKey === "HAPPENED_AT"
          ? sortBy(fulfillment.events, (event) => event.happenedAt, (event) => legacyId(event.id))
          : sortBy(fulfillment.events, (event) => legacyId(event.id), () => 0),
        args,
      ),
    fulfillmentLineItems: (fulfillment: Fulfillment, args: ConnectionArgs) => paginate(fulfillment.fulfillmentLineItems, args),
  },

  FulfillmentEvent: {
    createdAt: (event: { happenedAt: string }) => event.happenedAt,
  },

  FulfillmentLineItem: {
    lineItem: (item: FulfillmentLineItem, _args, context: Context) => context.store.getLineItem(context.domain, item.lineItemId)?.lineItem,
    originalTotalSet: (item: FulfillmentLineItem, _args, context: Context) => {
      const lineItem = context.store.getLineItem(context.domain, item.lineItemId)?.lineItem;
      return moneyBag(lineItem ? times(lineItem.price, item.quantity) : 0, context.data.shop.currencyCode);
    },
    discountedTotalSet: (item: FulfillmentLineItem, _args, context: Context) => {
      const lineItem = context.store.getLineItem(context.domain, item.lineItemId)?.lineItem;
      return moneyBag(lineItem ? times(lineItem.price, item.quantity) : 0, context.data.shop.currencyCode);
    },
  },

  ReturnableFulfillment: {
    returnableFulfillmentLineItems: (view: ReturnableFulfillmentView, args: ConnectionArgs) =>
      paginate(view.lineItems, args, (item) => item.fulfillmentLineItem.id),
  },

  Customer: {
    displayName: (customer: Customer) =>
      [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email || "",
    numberOfOrders: (customer: Customer, _args, context: Context) =>
      String(context.store.customerOrders(context.domain, customer.id).length),
    amountSpent: (customer: Customer, _args, context: Context) => {
      const orders = context.store.customerOrders(context.domain, customer.id).filter((order) => order.cancelledAt === null);
      const cents = orders.reduce((sum, order) => sum + Math.round(Number(currentTotalPrice(order)) * 100), 0);
      return moneyV2((cents / 100).toFixed(2), context.data.shop.currencyCode);
    },
    lastOrder: (customer: Customer, _args, context: Context) => context.store.customerOrders(context.domain, customer.id).at(-1) ?? null,
    orders: (customer: Customer, args: OrderSearchArgs, context: Context) =>
      searchOrders(context, args, (order) => order.customerId === customer.id),
    state: () => "ENABLED",
  },

  Product: {
    status: () => "ACTIVE",
    totalInventory: (product: Product) => product.variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
    hasOnlyDefaultVariant: (product: Product) => product.variants.length === 1 && product.variants[0]?.title === "Default Title",
    onlineStoreUrl: (product: Product, _args, context: Context) => `https://${context.domain}/products/${product.handle}`,
    variants: (product: Product, args: ConnectionArgs) => paginate(product.variants, args),
    variantsCount: (product: Product) => ({ count: product.variants.length, precision: "EXACT" }),
  },

  ProductVariant: {
    product: (variant: ProductVariant, _args, context: Context) => context.store.getVariant(context.domain, variant.id)?.product,
    displayName: (variant: ProductVariant, _args, context: Context) =>
      `${context.store.getVariant(context.domain, variant.id)?.product.title ?? ""} - ${variant.title}`,
    availableForSale: (variant: ProductVariant) => variant.inventoryQuantity > 0,
  },
};

/** A resolver for a type or field the schema lacks is a typo that would silently never run. */
function checkResolversAgainst(schema: GraphQLSchema) {
  for (const [typeName, fields] of Object.entries(RESOLVERS)) {
    const type = schema.getType(typeName);
    const known = type && "getFields" in type ? type.getFields() : {};
    const unknown = Object.keys(fields).filter((field) => !(field in known));
    if (unknown.length > 0) throw new Error(`Resolvers for fields the schema lacks: ${unknown.map((field) => `${typeName}.${field}`).join(", ")}`);
  }
}

/** Every resolver by type: this module's and returns-api.ts's, which add fields to the same types. */
const RESOLVERS: Record<string, Record<string, Resolver>> = Object.fromEntries(
  [...new Set([...Object.keys(ORDER_RESOLVERS), ...Object.keys(RETURNS_RESOLVERS)])].map((type) => [
    type,
    { ...ORDER_RESOLVERS[type], ...RETURNS_RESOLVERS[type] },
  ]),
);
