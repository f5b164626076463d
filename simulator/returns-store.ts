import { fulfillmentLineItemOf, returnableQuantities } from "./derived";
import type { IssueRefundInput, MoneyInput, MoneyOperations } from "./money-store";
import { returnPayload, reverseDeliveryPayload } from "./payloads";
import {
  fromCents,
  lineItemFromVariant,
  toCents,
  type DispositionType,
  type ExchangeLineItem,
  type Order,
  type Return,
  type ReturnDeclineReason,
  type ReturnLineItem,
  type ReturnStatus,
  type ReverseDelivery,
  type ReverseFulfillmentOrder,
  type ReverseFulfillmentOrderLineItem,
} from "./records";
import type { ChangeTopic, ReturnUserError, StoreCore } from "./store-core";

/**
 * Returns in the simulated shop, with Shopify's state rules and userErrors: requested →
 * approved (OPEN, with a reverse fulfillment order) or declined; created OPEN directly with
 * exchanges; reverse deliveries with label and tracking; processing with dispositions, exchanges
 * and refunds, closing by itself once everything is processed; cancel, close and reopen.
 */

export const RETURN_CUSTOMER_NOTE_MAX = 300;
export const RETURN_DECLINE_NOTE_MAX = 500;
export const RETURN_REASON_NOTE_MAX = 255;

export interface ReturnMutationResult {
  return: Return | null;
  userErrors: ReturnUserError[];
}

export interface ReverseDeliveryResult {
  reverseDelivery: ReverseDelivery | null;
  userErrors: ReturnUserError[];
}

interface ReturnLineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId?: string | null;
  restockingFee?: { percentage: number } | null;
}

export interface RequestReturnInput {
  orderId: string;
  returnLineItems: Array<ReturnLineInput & { customerNote?: string | null }>;
  returnShippingFee?: { amount: MoneyInput } | null;
}

/** `returnCreate`'s ReturnInput. */
export interface CreateReturnInput {
  orderId: string;
  returnLineItems: Array<ReturnLineInput & { returnReasonNote?: string | null }>;
  exchangeLineItems?: Array<{ variantId?: string | null; quantity: number }> | null;
  returnShippingFee?: { amount: MoneyInput } | null;
  requestedAt?: string | null;
}

export interface DeclineReturnInput {
  id: string;
  declineReason: ReturnDeclineReason;
  declineNote?: string | null;
}

export interface ProcessReturnInput {
  returnId: string;
  returnLineItems?: Array<{
    id: string;
    quantity: number;
    dispositions?: Array<{
      reverseFulfillmentOrderLineItemId: string;
      quantity: number;
      dispositionType: DispositionType;
      locationId?: string | null;
    }> | null;
  }> | null;
  exchangeLineItems?: Array<{ id: string; quantity: number }> | null;
  financialTransfer?: { issueRefund?: IssueRefundInput | null } | null;
  note?: string | null;
}

interface ShippingInput {
  labelInput?: { fileUrl: string } | null;
  trackingInput?: { number?: string | null; url?: string | null } | null;
}

export interface CreateReverseDeliveryInput extends ShippingInput {
  reverseFulfillmentOrderId: string;
  reverseDeliveryLineItems: Array<{ reverseFulfillmentOrderLineItemId: string; quantity: number }>;
}

export interface UpdateReverseDeliveryInput extends ShippingInput {
  reverseDeliveryId: string;
}

const failure = (field: string[] | null, code: ReturnUserError["code"], message: string): ReturnMutationResult => ({
  return: null,
  userErrors: [{ field, code, message }],
});

const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const CARRIERS: Array<[RegExp, string]> = [
  [/(^|\.)ups\.com$/, "UPS"],
  [/(^|\.)canadapost(-postescanada)?\.ca$/, "Canada Post"],
  [/(^|\.)fedex\.com$/, "FedEx"],
  [/(^|\.)usps\.com$/, "USPS"],
  [/(^|\.)dhl\.com$/, "DHL Express"],
];

/** Shopify names the carrier it recognises from the tracking link or number. */
function carrierName(tracking: { number?: string | null; url?: string | null }): string | null {
  if (tracking.url && isHttpUrl(tracking.url)) {
    const host = new URL(tracking.url).hostname;
    const carrier = CARRIERS.find(([pattern]) => pattern.test(host));
    if (carrier) return carrier[1];
  }
  return tracking.number && /^1Z[0-9A-Z]{16}$/.test(tracking.number) ? "UPS" : null;
}

export function createReturnOperations(core: StoreCore, money: MoneyOperations) {
  const { newGid, timestamp, emit, shopData } = core;

  // --- lookups ---------------------------------------------------------------------------------

  function* returnsOf(domain: string): Generator<{ order: Order; return: Return }> {
    for (const order of shopData(domain).orders) for (const ret of order.returns) yield { order, return: ret };
  }

  function getReverseFulfillmentOrder(domain: string, id: string) {
    for (const found of returnsOf(domain)) {
      const reverseFulfillmentOrder = found.return.reverseFulfillmentOrders.find((candidate) => candidate.id === id);
      if (reverseFulfillmentOrder) return { ...found, reverseFulfillmentOrder };
    }
    return undefined;
  }

  function getReverseFulfillmentOrderLineItem(domain: string, id: string) {
    for (const found of returnsOf(domain)) {
      for (const reverseFulfillmentOrder of found.return.reverseFulfillmentOrders) {
        const lineItem = reverseFulfillmentOrder.lineItems.find((candidate) => candidate.id === id);
        if (lineItem) return { ...found, reverseFulfillmentOrder, lineItem };
      }
    }
    return undefined;
  }

  function getReverseDelivery(domain: string, id: string) {
    for (const found of returnsOf(domain)) {
      for (const reverseFulfillmentOrder of found.return.reverseFulfillmentOrders) {
        const reverseDelivery = reverseFulfillmentOrder.reverseDeliveries.find((candidate) => candidate.id === id);
        if (reverseDelivery) return { ...found, reverseFulfillmentOrder, reverseDelivery };
      }
    }
    return undefined;
  }

  function getExchangeLineItem(domain: string, id: string) {
    for (const found of returnsOf(domain)) {
      const exchangeLineItem = found.return.exchangeLineItems.find((candidate) => candidate.id === id);
      if (exchangeLineItem) return { ...found, exchangeLineItem };
    }
    return undefined;
  }

  // --- shared steps ------------------------------------------------------------------------------

  function returnChanged(domain: string, topic: ChangeTopic, order: Order, ret: Return): ReturnMutationResult {
    emit(domain, topic, returnPayload(shopData(domain), order, ret, topic));
    core.touchOrder(domain, order); // Order.returnStatus changed with it.
    return { return: ret, userErrors: [] };
  }

  /** Looks a return up and checks it is in one of `allowed`; the error result otherwise. */
  function returnInState(
    domain: string,
    id: string,
    idField: string[],
    allowed: ReturnStatus[],
    action: string,
  ): { order: Order; return: Return } | ReturnMutationResult {
    const found = core.getReturn(domain, id);
    if (!found) return failure(idField, "NOT_FOUND", "Return does not exist.");
    if (!allowed.includes(found.return.status)) {
      return failure(idField, "INVALID_STATE", `Return is ${found.return.status.toLowerCase()} and cannot be ${action}.`);
    }
    return found;
  }

  /**
   * The checks `returnRequest` and `returnCreate` share: returnable quantities, reasons, notes,
   * restocking fees and the return shipping fee. `root` is the input argument's name.
   */
  function checkReturnInput(
    domain: string,
    order: Order,
    input: RequestReturnInput | CreateReturnInput,
    root: string,
    note: { field: "customerNote" | "returnReasonNote"; label: string; max: number },
  ): ReturnUserError[] {
    const data = shopData(domain);
    const returnable = returnableQuantities(order);
    const requested = new Map<string, number>();
    const userErrors: ReturnUserError[] = [];
    input.returnLineItems.forEach((item, index) => {
      const path = (...names: string[]) => [root, "returnLineItems", String(index), ...names];
      const available = returnable.get(item.fulfillmentLineItemId);
      if (available === undefined) {
        userErrors.push({ field: path("fulfillmentLineItemId"), code: "NOT_FOUND", message: "Fulfillment line item does not exist." });
        return;
      }
      const total = (requested.get(item.fulfillmentLineItemId) ?? 0) + item.quantity;
      requested.set(item.fulfillmentLineItemId, total);
      if (item.quantity < 1) {
        userErrors.push({ field: path("quantity"), code: "INVALID", message: "Quantity must be greater than 0." });
      } else if (total > available) {
        userErrors.push({
          field: path("quantity"),
          code: "INVALID",
          message: `Quantity is not available for return. Returnable quantity: ${available}.`,
        });
      }
      const noteText: unknown = Reflect.get(item, note.field);
      if (typeof noteText === "string" && noteText.length > note.max) {
        userErrors.push({ field: path(note.field), code: "TOO_LONG", message: `${note.label} is too long (maximum is ${note.max} characters).` });
      }
      const reasonId = item.returnReasonDefinitionId;
      if (reasonId && !data.returnReasonDefinitions.some((definition) => definition.id === reasonId && !definition.deleted)) {
        userErrors.push({ field: path("returnReasonDefinitionId"), code: "NOT_FOUND", message: "Return reason definition does not exist." });
      }
      const percentage = item.restockingFee?.percentage;
      if (percentage !== undefined && !(percentage >= 0 && percentage <= 100)) {
        userErrors.push({ field: path("restockingFee", "percentage"), code: "INVALID", message: "Restocking fee percentage must be between 0 and 100." });
      }
    });
    const fee = input.returnShippingFee?.amount;
    if (fee) {
      const path = [root, "returnShippingFee", "amount"];
      if (fee.currencyCode !== order.currencyCode) {
        userErrors.push({ field: [...path, "currencyCode"], code: "INVALID", message: `Currency must be the order's currency (${order.currencyCode}).` });
      }
      if (!(Number(fee.amount) >= 0)) {
        userErrors.push({ field: [...path, "amount"], code: "INVALID", message: "Return shipping fee must be 0 or more." });
      }
    }
    return userErrors;
  }

  function newReturn(
    domain: string,
    order: Order,
    input: RequestReturnInput | CreateReturnInput,
    fields: Pick<Return, "status" | "createdAt" | "requestApprovedAt">,
  ): Return {
    const fee = input.returnShippingFee?.amount;
    return {
      id: newGid(domain, "Return"),
      name: `${order.name}-R${order.returns.length + 1}`,
      ...fields,
      closedAt: null,
      decline: null,
      returnLineItems: input.returnLineItems.map((item) => ({
        id: newGid(domain, "ReturnLineItem"),
        fulfillmentLineItemId: item.fulfillmentLineItemId,
        quantity: item.quantity,
        returnReasonDefinitionId: item.returnReasonDefinitionId ?? null,
        customerNote: "customerNote" in item ? (item.customerNote ?? null) : null,
        returnReasonNote: "returnReasonNote" in item ? (item.returnReasonNote ?? "") : "",
        restockingFee: item.restockingFee ? { id: newGid(domain, "RestockingFee"), percentage: item.restockingFee.percentage } : null,
        processedQuantity: 0,
        refundedQuantity: 0,
      })),
      returnShippingFees: fee ? [{ id: newGid(domain, "ReturnShippingFee"), amount: fromCents(toCents(String(fee.amount))) }] : [],
      exchangeLineItems: [],
      reverseFulfillmentOrders: [],
    };
  }

  /** An OPEN return gets one reverse fulfillment order for all its lines; later changes follow the return. */
  function openReverseFulfillmentOrder(domain: string, ret: Return) {
    if (ret.reverseFulfillmentOrders.length > 0) return setReverseStatus(ret, "OPEN");
    ret.reverseFulfillmentOrders.push({
      id: newGid(domain, "ReverseFulfillmentOrder"),
      status: "OPEN",
      lineItems: ret.returnLineItems.map((item) => ({
        id: newGid(domain, "ReverseFulfillmentOrderLineItem"),
        returnLineItemId: item.id,
        fulfillmentLineItemId: item.fulfillmentLineItemId,
        totalQuantity: item.quantity,
        dispositions: [],
      })),
      reverseDeliveries: [],
    });
  }

  function setReverseStatus(ret: Return, status: ReverseFulfillmentOrder["status"]) {
    for (const reverseFulfillmentOrder of ret.reverseFulfillmentOrders) reverseFulfillmentOrder.status = status;
  }

  /** Fixture returns that are already OPEN or CLOSED get the reverse fulfillment order they would have. */
  function deriveReverseFulfillmentOrders(domain: string, order: Order) {
    for (const ret of order.returns) {
      if (ret.reverseFulfillmentOrders.length > 0 || (ret.status !== "OPEN" && ret.status !== "CLOSED")) continue;
      openReverseFulfillmentOrder(domain, ret);
      setReverseStatus(ret, ret.status);
    }
  }

  // --- request, create and decide ----------------------------------------------------------------

  function requestReturn(domain: string, input: RequestReturnInput): ReturnMutationResult {
    const order = core.getOrder(domain, input.orderId);
    if (!order) return failure(["input", "orderId"], "NOT_FOUND", "Order does not exist.");
    if (input.returnLineItems.length === 0) {
      return failure(["input", "returnLineItems"], "BLANK", "Return line items can't be blank.");
    }
    const userErrors = checkReturnInput(domain, order, input, "input", {
      field: "customerNote",
      label: "Customer note",
      max: RETURN_CUSTOMER_NOTE_MAX,
    });
    if (userErrors.length > 0) return { return: null, userErrors };
    const ret = newReturn(domain, order, input, { status: "REQUESTED", createdAt: timestamp(), requestApprovedAt: null });
    order.returns.push(ret);
    return returnChanged(domain, "returns/request", order, ret);
  }

  /**
   * `returnCreate`: an OPEN return straight away (approved outside Shopify), with its reverse
   * fulfillment order and exchange lines. An exchange variant must have the units in stock.
   */
  function createReturn(domain: string, input: CreateReturnInput): ReturnMutationResult {
    const order = core.getOrder(domain, input.orderId);
    if (!order) return failure(["returnInput", "orderId"], "NOT_FOUND", "Order does not exist.");
    if (input.returnLineItems.length === 0) {
      return failure(["returnInput", "returnLineItems"], "BLANK", "Return line items can't be blank.");
    }
    const userErrors = checkReturnInput(domain, order, input, "returnInput", {
      field: "returnReasonNote",
      label: "Return reason note",
      max: RETURN_REASON_NOTE_MAX,
    });
    const wanted = new Map<string, number>();
    const exchanges: Array<{ variantId: string; quantity: number }> = [];
    (input.exchangeLineItems ?? []).forEach((item, index) => {
      const path = (name: string) => ["returnInput", "exchangeLineItems", String(index), name];
      if (!item.variantId) {
        userErrors.push({ field: path("variantId"), code: "BLANK", message: "Variant can't be blank." });
        return;
      }
      const found = core.getVariant(domain, item.variantId);
      if (!found) {
        userErrors.push({ field: path("variantId"), code: "NOT_FOUND", message: "Variant does not exist." });
        return;
      }
      if (item.quantity < 1) {
        userErrors.push({ field: path("quantity"), code: "INVALID", message: "Quantity must be greater than 0." });
        return;
      }
      const total = (wanted.get(item.variantId) ?? 0) + item.quantity;
      wanted.set(item.variantId, total);
      if (total > found.variant.inventoryQuantity) {
        userErrors.push({
          field: path("variantId"),
          code: "INVALID",
          message: `${found.product.title} - ${found.variant.title} is out of stock: ${Math.max(0, found.variant.inventoryQuantity)} available.`,
        });
        return;
      }
      exchanges.push({ variantId: item.variantId, quantity: item.quantity });
    });
    if (userErrors.length > 0) return { return: null, userErrors };

    const ret = newReturn(domain, order, input, {
      status: "OPEN",
      createdAt: input.requestedAt ?? timestamp(),
      requestApprovedAt: timestamp(),
    });
    ret.exchangeLineItems = exchanges.map((item) => ({
      id: newGid(domain, "ExchangeLineItem"),
      variantId: item.variantId,
      quantity: item.quantity,
      processedQuantity: 0,
      lineItemIds: [],
    }));
    openReverseFulfillmentOrder(domain, ret);
    order.returns.push(ret);
    return returnChanged(domain, "returns/approve", order, ret);
  }

  function approveReturn(domain: string, input: { id: string }): ReturnMutationResult {
    const found = returnInState(domain, input.id, ["input", "id"], ["REQUESTED"], "approved");
    if (!("order" in found)) return found;
    found.return.status = "OPEN";
    found.return.requestApprovedAt = timestamp();
    openReverseFulfillmentOrder(domain, found.return);
    return returnChanged(domain, "returns/approve", found.order, found.return);
  }

  function declineReturn(domain: string, input: DeclineReturnInput): ReturnMutationResult {
    const found = returnInState(domain, input.id, ["input", "id"], ["REQUESTED"], "declined");
    if (!("order" in found)) return found;
    if ((input.declineNote ?? "").length > RETURN_DECLINE_NOTE_MAX) {
      return failure(
        ["input", "declineNote"],
        "TOO_LONG",
        `Decline note is too long (maximum is ${RETURN_DECLINE_NOTE_MAX} characters).`,
      );
    }
    found.return.status = "DECLINED";
    found.return.decline = { reason: input.declineReason, note: input.declineNote ?? null };
    return returnChanged(domain, "returns/decline", found.order, found.return);
  }

  function cancelReturn(domain: string, id: string): ReturnMutationResult {
    const found = returnInState(domain, id, ["id"], ["REQUESTED", "OPEN"], "canceled");
    if (!("order" in found)) return found;
    // Shopify only cancels a return before any of it is inspected or refunded.
    if (found.return.returnLineItems.some((item) => item.processedQuantity > 0)) {
      return failure(["id"], "INVALID_STATE", "Return has processed items and cannot be canceled.");
    }
    found.return.status = "CANCELED";
    setReverseStatus(found.return, "CANCELED");
    return returnChanged(domain, "returns/cancel", found.order, found.return);
  }

  function closeReturn(domain: string, id: string): ReturnMutationResult {
    const found = returnInState(domain, id, ["id"], ["OPEN"], "closed");
    if (!("order" in found)) return found;
    close(found.return);
    return returnChanged(domain, "returns/close", found.order, found.return);
  }

  function close(ret: Return) {
    ret.status = "CLOSED";
    ret.closedAt = timestamp();
    setReverseStatus(ret, "CLOSED");
  }

  function reopenReturn(domain: string, id: string): ReturnMutationResult {
    const found = returnInState(domain, id, ["id"], ["CLOSED"], "reopened");
    if (!("order" in found)) return found;
    found.return.status = "OPEN";
    found.return.closedAt = null;
    setReverseStatus(found.return, "OPEN");
    return returnChanged(domain, "returns/reopen", found.order, found.return);
  }

  // --- reverse deliveries ----------------------------------------------------------------------

  function checkShipping(input: ShippingInput): ReturnUserError[] {
    const userErrors: ReturnUserError[] = [];
    if (input.labelInput && !isHttpUrl(input.labelInput.fileUrl)) {
      userErrors.push({ field: ["labelInput", "fileUrl"], code: "INVALID", message: "Label file URL must be an http or https URL." });
    }
    if (input.trackingInput?.url && !isHttpUrl(input.trackingInput.url)) {
      userErrors.push({ field: ["trackingInput", "url"], code: "INVALID", message: "Tracking URL must be an http or https URL." });
    }
    return userErrors;
  }

  function applyShipping(delivery: ReverseDelivery, input: ShippingInput) {
    const at = timestamp();
    if (input.labelInput) delivery.label = { fileUrl: input.labelInput.fileUrl, createdAt: delivery.label?.createdAt ?? at, updatedAt: at };
    if (input.trackingInput) {
      const tracking = { number: input.trackingInput.number ?? null, url: input.trackingInput.url ?? null };
      delivery.tracking = { ...tracking, carrierName: carrierName(tracking) };
    }
  }

  const deliveryFailure = (field: string[], code: ReturnUserError["code"], message: string): ReverseDeliveryResult => ({
    reverseDelivery: null,
    userErrors: [{ field, code, message }],
  });

  /** `reverseDeliveryCreateWithShipping`: the return must be OPEN; emits reverse_deliveries/attach_deliverable. */
  function createReverseDelivery(domain: string, input: CreateReverseDeliveryInput): ReverseDeliveryResult {
    const found = getReverseFulfillmentOrder(domain, input.reverseFulfillmentOrderId);
    if (!found) return deliveryFailure(["reverseFulfillmentOrderId"], "NOT_FOUND", "Reverse fulfillment order does not exist.");
    const { return: ret, reverseFulfillmentOrder } = found;
    if (ret.status !== "OPEN" || reverseFulfillmentOrder.status !== "OPEN") {
      return deliveryFailure(["reverseFulfillmentOrderId"], "INVALID_STATE", `Return is ${ret.status.toLowerCase()} and cannot get a reverse delivery.`);
    }
    if (input.reverseDeliveryLineItems.length === 0) {
      return deliveryFailure(["reverseDeliveryLineItems"], "BLANK", "Reverse delivery line items can't be blank.");
    }
    const userErrors: ReturnUserError[] = [];
    input.reverseDeliveryLineItems.forEach((line, index) => {
      const path = (name: string) => ["reverseDeliveryLineItems", String(index), name];
      const item = reverseFulfillmentOrder.lineItems.find((candidate) => candidate.id === line.reverseFulfillmentOrderLineItemId);
      if (!item) {
        userErrors.push({ field: path("reverseFulfillmentOrderLineItemId"), code: "NOT_FOUND", message: "Reverse fulfillment order line item does not exist on this reverse fulfillment order." });
      } else if (line.quantity < 1 || line.quantity > item.totalQuantity) {
        userErrors.push({ field: path("quantity"), code: "INVALID", message: `Quantity must be between 1 and ${item.totalQuantity}.` });
      }
    });
    userErrors.push(...checkShipping(input));
    if (userErrors.length > 0) return { reverseDelivery: null, userErrors };

    const delivery: ReverseDelivery = {
      id: newGid(domain, "ReverseDelivery"),
      createdAt: timestamp(),
      lineItems: input.reverseDeliveryLineItems.map((line) => ({
        id: newGid(domain, "ReverseDeliveryLineItem"),
        reverseFulfillmentOrderLineItemId: line.reverseFulfillmentOrderLineItemId,
        quantity: line.quantity,
      })),
      label: null,
      tracking: null,
    };
    applyShipping(delivery, input);
    reverseFulfillmentOrder.reverseDeliveries.push(delivery);
    if (delivery.label || delivery.tracking) emit(domain, "reverse_deliveries/attach_deliverable", reverseDeliveryPayload(ret, delivery));
    return { reverseDelivery: delivery, userErrors: [] };
  }

  /** `reverseDeliveryShippingUpdate`: replaces the label and/or tracking of an open return's delivery. */
  function updateReverseDelivery(domain: string, input: UpdateReverseDeliveryInput): ReverseDeliveryResult {
    const found = getReverseDelivery(domain, input.reverseDeliveryId);
    if (!found) return deliveryFailure(["reverseDeliveryId"], "NOT_FOUND", "Reverse delivery does not exist.");
    if (found.return.status !== "OPEN") {
      return deliveryFailure(["reverseDeliveryId"], "INVALID_STATE", `Return is ${found.return.status.toLowerCase()} and its delivery cannot change.`);
    }
    const userErrors = checkShipping(input);
    if (userErrors.length > 0) return { reverseDelivery: null, userErrors };
    applyShipping(found.reverseDelivery, input);
    emit(domain, "reverse_deliveries/attach_deliverable", reverseDeliveryPayload(found.return, found.reverseDelivery));
    return { reverseDelivery: found.reverseDelivery, userErrors: [] };
  }

  // --- processing --------------------------------------------------------------------------------

  interface LineStep {
    item: ReturnLineItem;
    quantity: number;
    reverseLine: ReverseFulfillmentOrderLineItem | undefined;
    dispositions: Array<{ type: DispositionType; quantity: number; locationId: string | null }>;
  }

  /** Checks the return lines to process and their dispositions; records errors in `userErrors`. */
  function checkProcessLines(domain: string, ret: Return, input: ProcessReturnInput, userErrors: ReturnUserError[]): LineStep[] {
    const locations = shopData(domain).locations;
    const planned = new Map<string, number>();
    const steps: LineStep[] = [];
    (input.returnLineItems ?? []).forEach((line, index) => {
      const path = (...names: string[]) => ["input", "returnLineItems", String(index), ...names];
      const item = ret.returnLineItems.find((candidate) => candidate.id === line.id);
      if (!item) {
        userErrors.push({ field: path("id"), code: "NOT_FOUND", message: "Return line item does not exist." });
        return;
      }
      const unprocessed = item.quantity - item.processedQuantity - (planned.get(item.id) ?? 0);
      if (line.quantity < 1 || line.quantity > unprocessed) {
        userErrors.push({ field: path("quantity"), code: "INVALID", message: `Quantity must be between 1 and ${unprocessed}.` });
        return;
      }
      planned.set(item.id, (planned.get(item.id) ?? 0) + line.quantity);
      const reverseLine = ret.reverseFulfillmentOrders.flatMap((order) => order.lineItems).find((candidate) => candidate.returnLineItemId === item.id);
      const step: LineStep = { item, quantity: line.quantity, reverseLine, dispositions: [] };
      (line.dispositions ?? []).forEach((disposition, position) => {
        const at = (name: string) => path("dispositions", String(position), name);
        if (!reverseLine || disposition.reverseFulfillmentOrderLineItemId !== reverseLine.id) {
          userErrors.push({
            field: at("reverseFulfillmentOrderLineItemId"),
            code: "INVALID",
            message: "Reverse fulfillment order line item does not belong to this return line item.",
          });
          return;
        }
        if (disposition.quantity < 1) {
          userErrors.push({ field: at("quantity"), code: "INVALID", message: "Quantity must be greater than 0." });
          return;
        }
        if (disposition.locationId && !locations.some((location) => location.id === disposition.locationId)) {
          userErrors.push({ field: at("locationId"), code: "NOT_FOUND", message: "Location does not exist." });
          return;
        }
        if (disposition.dispositionType === "RESTOCKED" && !disposition.locationId) {
          userErrors.push({ field: at("locationId"), code: "BLANK", message: "A location is required to restock items." });
          return;
        }
        step.dispositions.push({ type: disposition.dispositionType, quantity: disposition.quantity, locationId: disposition.locationId ?? null });
      });
      const disposed = step.dispositions.reduce((sum, disposition) => sum + disposition.quantity, 0);
      if (disposed > line.quantity) {
        userErrors.push({ field: path("dispositions"), code: "INVALID", message: `Dispositions cover ${disposed} units, more than the ${line.quantity} processed.` });
      }
      steps.push(step);
    });
    return steps;
  }

  function checkProcessExchanges(ret: Return, input: ProcessReturnInput, userErrors: ReturnUserError[]) {
    const steps: Array<{ item: ExchangeLineItem; quantity: number }> = [];
    (input.exchangeLineItems ?? []).forEach((line, index) => {
      const path = (name: string) => ["input", "exchangeLineItems", String(index), name];
      const item = ret.exchangeLineItems.find((candidate) => candidate.id === line.id);
      if (!item) {
        userErrors.push({ field: path("id"), code: "NOT_FOUND", message: "Exchange line item does not exist." });
        return;
      }
      const unprocessed = item.quantity - item.processedQuantity - steps.filter((step) => step.item === item).reduce((sum, step) => sum + step.quantity, 0);
      if (line.quantity < 1 || line.quantity > unprocessed) {
        userErrors.push({ field: path("quantity"), code: "INVALID", message: `Quantity must be between 1 and ${unprocessed}.` });
        return;
      }
      steps.push({ item, quantity: line.quantity });
    });
    return steps;
  }

  /** RESTOCKED units go back into the returned variant's inventory. */
  function restock(domain: string, order: Order, item: ReturnLineItem, quantity: number) {
    const lineItemId = fulfillmentLineItemOf(order, item.fulfillmentLineItemId)?.lineItemId;
    const variantId = order.lineItems.find((lineItem) => lineItem.id === lineItemId)?.variantId;
    const found = variantId ? core.getVariant(domain, variantId) : undefined;
    if (found) found.variant.inventoryQuantity += quantity;
  }

  /**
   * A processed exchange joins the order as a new line item at the variant's price, with a
   * fulfillment order to ship it, and leaves inventory. The simulator keeps exchanges even: the
   * order's totals do not change.
   */
  function processExchange(domain: string, order: Order, item: ExchangeLineItem, quantity: number) {
    const found = core.getVariant(domain, item.variantId);
    if (!found) return;
    const lineItem = lineItemFromVariant(newGid(domain, "LineItem"), found.product, found.variant, quantity);
    order.lineItems.push(lineItem);
    found.variant.inventoryQuantity -= quantity;
    order.fulfillmentOrders.push({
      id: newGid(domain, "FulfillmentOrder"),
      status: "OPEN",
      createdAt: timestamp(),
      lineItems: [{ id: newGid(domain, "FulfillmentOrderLineItem"), lineItemId: lineItem.id, totalQuantity: quantity }],
    });
    item.processedQuantity += quantity;
    item.lineItemIds.push(lineItem.id);
  }

  /**
   * `returnProcess`: confirms returned and exchanged units, records dispositions (restocking
   * inventory) and issues the refund, which settles every processed unit not yet refunded. Emits
   * returns/process, refunds/create for a refund, and returns/close when everything is processed.
   */
  function processReturn(domain: string, input: ProcessReturnInput): ReturnMutationResult {
    const found = returnInState(domain, input.returnId, ["input", "returnId"], ["OPEN"], "processed");
    if (!("order" in found)) return found;
    const { order, return: ret } = found;
    const issueRefund = input.financialTransfer?.issueRefund ?? null;
    if (!input.returnLineItems?.length && !input.exchangeLineItems?.length && !issueRefund) {
      return failure(["input", "returnLineItems"], "BLANK", "Return line items can't be blank.");
    }
    const userErrors: ReturnUserError[] = [];
    const lineSteps = checkProcessLines(domain, ret, input, userErrors);
    const exchangeSteps = checkProcessExchanges(ret, input, userErrors);
    let refundPlan = null;
    if (issueRefund) {
      const planned = money.internal.planRefund(order, issueRefund, ["input", "financialTransfer", "issueRefund"]);
      if ("userErrors" in planned) userErrors.push(...planned.userErrors);
      else refundPlan = planned.plan;
    }
    if (userErrors.length > 0) return { return: null, userErrors };

    for (const step of lineSteps) {
      step.item.processedQuantity += step.quantity;
      for (const disposition of step.dispositions) {
        step.reverseLine?.dispositions.push({ id: newGid(domain, "ReverseFulfillmentOrderDisposition"), ...disposition, createdAt: timestamp() });
        if (disposition.type === "RESTOCKED") restock(domain, order, step.item, disposition.quantity);
      }
    }
    for (const step of exchangeSteps) processExchange(domain, order, step.item, step.quantity);
    emit(domain, "returns/process", returnPayload(shopData(domain), order, ret, "returns/process"));

    if (refundPlan) {
      const settled = ret.returnLineItems.filter((item) => item.processedQuantity > item.refundedQuantity);
      money.internal.recordRefund(domain, order, {
        plan: refundPlan,
        note: input.note ?? null,
        returnId: ret.id,
        refundLineItems: settled.map((item) => ({
          lineItemId: fulfillmentLineItemOf(order, item.fulfillmentLineItemId)!.lineItemId,
          quantity: item.processedQuantity - item.refundedQuantity,
          restockType: "RETURN",
        })),
      });
      for (const item of settled) item.refundedQuantity = item.processedQuantity;
    }

    const done = (items: Array<{ quantity: number; processedQuantity: number }>) => items.every((item) => item.processedQuantity === item.quantity);
    if (done(ret.returnLineItems) && done(ret.exchangeLineItems)) {
      close(ret);
      emit(domain, "returns/close", returnPayload(shopData(domain), order, ret, "returns/close"));
    }
    core.touchOrder(domain, order);
    return { return: ret, userErrors: [] };
  }

  return {
    internal: { deriveReverseFulfillmentOrders },
    getReverseFulfillmentOrder,
    getReverseFulfillmentOrderLineItem,
    getReverseDelivery,
    getExchangeLineItem,
    requestReturn,
    createReturn,
    approveReturn,
    declineReturn,
    cancelReturn,
    closeReturn,
    reopenReturn,
    processReturn,
    createReverseDelivery,
    updateReverseDelivery,
  };
}
