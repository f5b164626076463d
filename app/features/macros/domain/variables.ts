/**
 * The variable catalogue: every placeholder a macro may use, what it means, and an example value
 * for previews. Framework-free. The catalogue is the allow-list `validateMacro` checks against, so a
 * placeholder missing here is refused at save time.
 *
 * Values arrive already formatted for the shopper (dates as words, money with its currency), so a
 * macro can print them as they are; the `date` and `money` filters remain available for reformatting.
 */

export interface MacroContext {
  customer: { first_name: string; last_name: string; email: string };
  order: {
    name: string;
    status: string;
    placed_at: string;
    shipped_at: string;
    tracking_number: string;
    tracking_url: string;
    carrier: string;
    estimated_delivery: string;
    items_summary: string;
    total: string;
  };
  return: {
    reference: string;
    status: string;
    items_summary: string;
    refund_amount: string;
    return_link: string;
    decline_reason: string;
  };
  ticket: { reference: string; subject: string };
  shop: { name: string; email: string; support_hours: string };
  policy: {
    return_window_days: number;
    restocking_fee_percent: number;
    store_credit_bonus_percent: number;
    return_shipping_fee: string;
    response_time: string;
  };
  staff: { first_name: string };
}

export type MacroVariableGroup = keyof MacroContext;

/**
 * What a render may receive: a conversation without an order has no `order` group, and so on.
 * A macro that prints a missing value fails to render (strict mode) instead of sending a blank;
 * `{% if order.tracking_url %}` and `| default:` tolerate missing values.
 */
export type MacroRenderContext = { [G in MacroVariableGroup]?: Partial<MacroContext[G]> };

export interface CatalogueVariable<G extends string> {
  /** The placeholder path as written in a template, e.g. `customer.first_name`. */
  path: string;
  group: G;
  name: string;
  description: string;
  example: string | number;
}

/** A catalogue typed against its context: adding a field to one without the other does not compile. */
export type VariableCatalogue<C> = {
  [G in keyof C]: {
    label: string;
    variables: { [K in keyof C[G]]: { description: string; example: C[G][K] } };
  };
};

/**
 * What templates need from a catalogue (macros here, FAQ answers too): its groups and variables
 * in catalogue order, frozen; whether a path or a group name is in it; and a complete context
 * filled with the example values, for previews and save-time validation.
 */
export function variableCatalogue<C>(catalogue: VariableCatalogue<C>) {
  type Group = keyof C & string;
  const groups: readonly { group: Group; label: string }[] = Object.freeze(
    (Object.keys(catalogue) as Group[]).map((group) => Object.freeze({ group, label: catalogue[group].label })),
  );
  const variables: readonly CatalogueVariable<Group>[] = Object.freeze(
    groups.flatMap(({ group }) =>
      Object.entries(catalogue[group].variables).map(([name, entry]) => {
        const { description, example } = entry as { description: string; example: string | number };
        return Object.freeze({ path: `${group}.${name}`, group, name, description, example });
      }),
    ),
  );
  const paths: ReadonlySet<string> = new Set(variables.map((v) => v.path));
  return {
    groups,
    variables,
    isVariable: (path: string): boolean => paths.has(path),
    isGroup: (name: string): name is Group => Object.prototype.hasOwnProperty.call(catalogue, name),
    example: (): C => {
      const context: Record<string, Record<string, string | number>> = {};
      for (const variable of variables) {
        (context[variable.group] ??= {})[variable.name] = variable.example;
      }
      return context as unknown as C;
    },
  };
}

export type MacroVariable = CatalogueVariable<MacroVariableGroup>;

const CATALOGUE = variableCatalogue<MacroContext>({
  customer: {
    label: "Customer",
    variables: {
      first_name: { description: "The customer's first name", example: "Maya" },
      last_name: { description: "The customer's last name", example: "Thompson" },
      email: { description: "The customer's email address", example: "maya.thompson@example.com" },
    },
  },
  order: {
    label: "Order",
    variables: {
      name: { description: "The order number as the customer sees it", example: "#1042" },
      status: { description: "Where the order is now (placed, fulfilled, in transit, delivered …)", example: "In transit" },
      placed_at: { description: "The date the order was placed", example: "March 2, 2026" },
      shipped_at: { description: "The date the order shipped (empty until it ships)", example: "March 3, 2026" },
      tracking_number: { description: "The carrier's tracking number (empty until it ships)", example: "1Z999AA10123456784" },
      tracking_url: {
        description: "The link to follow the parcel (empty until it ships)",
        example: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      },
      carrier: { description: "The shipping carrier", example: "UPS" },
      estimated_delivery: { description: "The estimated delivery date", example: "Friday, March 6" },
      items_summary: { description: "The items in the order, one line", example: "1 × Linen Shirt (M), 2 × Cotton Socks" },
      total: { description: "The order total with currency", example: "$84.50" },
    },
  },
  return: {
    label: "Return",
    variables: {
      reference: { description: "The return's reference", example: "R-1042-1" },
      status: { description: "Where the return is now (requested, approved, declined, refunded …)", example: "Approved" },
      items_summary: { description: "The items being returned, one line", example: "1 × Linen Shirt (M)" },
      refund_amount: { description: "The amount refunded or to be refunded, with currency", example: "$48.00" },
      return_link: {
        description: "The link where the customer follows the return and prints the label",
        example: "https://harbor-and-pine.myshopify.com/apps/harbor/returns/R-1042-1",
      },
      decline_reason: {
        description: "Why the return was declined (empty unless declined)",
        example: "The item was sent back after the 30-day return window had ended.",
      },
    },
  },
  ticket: {
    label: "Ticket",
    variables: {
      reference: { description: "The conversation's reference", example: "T-2048" },
      subject: { description: "The subject the customer wrote", example: "Where is my order?" },
    },
  },
  shop: {
    label: "Shop",
    variables: {
      name: { description: "The shop's name", example: "Harbor & Pine" },
      email: { description: "The support email address", example: "help@harborandpine.com" },
      support_hours: { description: "When the support team is available", example: "Monday to Friday, 9 am to 5 pm ET" },
    },
  },
  policy: {
    label: "Policy",
    variables: {
      return_window_days: { description: "Days the customer has to start a return", example: 30 },
      restocking_fee_percent: { description: "Restocking fee taken from refunds, in percent", example: 0 },
      store_credit_bonus_percent: { description: "Extra value when choosing store credit, in percent", example: 10 },
      return_shipping_fee: { description: "What the customer pays for return shipping, with currency", example: "$7.95" },
      response_time: { description: "The promised response time for this topic", example: "within 2 hours" },
    },
  },
  staff: {
    label: "Staff",
    variables: {
      first_name: { description: "The first name of the staff member replying", example: "Sam" },
    },
  },
});

export const MACRO_VARIABLE_GROUPS = CATALOGUE.groups;

/** Every variable, grouped in catalogue order. */
export const MACRO_VARIABLES: readonly MacroVariable[] = CATALOGUE.variables;

export const isMacroVariable = CATALOGUE.isVariable;

export const isMacroVariableGroup = CATALOGUE.isGroup;

/** A complete context filled with the example values, for previews and save-time validation. */
export const exampleContext = CATALOGUE.example;
