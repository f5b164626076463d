/**
 * The macros a shop starts with, in the three families support teams use most: orders, refunds,
 * technical. Plain text; merchants edit them freely. Every body uses catalogue variables only
 * (tests validate and render each one in strict mode).
 */

export const MACRO_FAMILIES = ["orders", "refunds", "technical"] as const;
export type MacroFamily = (typeof MACRO_FAMILIES)[number];

export interface StarterMacro {
  /** Stable kebab-case id, used to seed a shop and to tell starters from the merchant's own. */
  key: string;
  family: MacroFamily;
  title: string;
  body: string;
}

const SIGN_OFF = `Warm regards,
{{ staff.first_name }}
{{ shop.name }} support`;

const orders: StarterMacro[] = [
  {
    key: "order-confirmation",
    family: "orders",
    title: "Order confirmation with ship date and tracking",
    body: `Hi {{ customer.first_name }},

Thank you for your order {{ order.name }} ({{ order.items_summary }})!

{% if order.shipped_at != blank -%}
Good news: it shipped on {{ order.shipped_at }} with {{ order.carrier }}, and it should reach you by {{ order.estimated_delivery }}.
You can follow it here: {{ order.tracking_url }}
{%- else -%}
We're getting it ready now. As soon as it ships you'll receive the tracking link by email, and it should reach you by {{ order.estimated_delivery }}.
{%- endif %}

If anything looks off, just reply to this email and we'll sort it out.

${SIGN_OFF}`,
  },
  {
    key: "order-delay-apology",
    family: "orders",
    title: "Delay apology: refund, replacement or store credit",
    body: `Hi {{ customer.first_name }},

I'm sorry: your order {{ order.name }} is taking longer than it should, and I know that's frustrating when you're waiting for it. It's now expected by {{ order.estimated_delivery }}.

If you'd rather not wait, you can choose what suits you best:
- a full refund of {{ order.total }}
- a replacement sent with priority shipping
- 10% store credit on top of your order, as a thank-you for your patience

Just reply with your choice and I'll take care of it right away.

${SIGN_OFF}`,
  },
  {
    key: "where-is-my-order",
    family: "orders",
    title: "Where is my order?",
    body: `Hi {{ customer.first_name }},

Thanks for checking in about order {{ order.name }}. It's currently: {{ order.status }}.

{% if order.tracking_url != blank -%}
It's travelling with {{ order.carrier }} (tracking number {{ order.tracking_number }}), and the estimated delivery is {{ order.estimated_delivery }}.
You can follow it here: {{ order.tracking_url }}

Tracking can take up to 24 hours to update after a scan, so don't worry if it looks quiet for a day.
{%- else -%}
It hasn't shipped yet. You'll get the tracking link by email as soon as it does, and it should reach you by {{ order.estimated_delivery }}.
{%- endif %}

If it hasn't arrived by then, reply here and we'll make it right.

${SIGN_OFF}`,
  },
];

const refunds: StarterMacro[] = [
  {
    key: "return-instructions",
    family: "refunds",
    title: "Return instructions",
    body: `Hi {{ customer.first_name }},

No problem, you can return items from order {{ order.name }} within {{ policy.return_window_days }} days of delivery. Here's how:

1. Start your return here: {{ return.return_link }}
2. If an item arrived damaged or is the wrong item, please add a few photos: they help us resolve it faster (and you won't pay return shipping).
3. Pack the items securely and drop the parcel off with the label you receive.

Once the items reach us, your refund is issued within 3–5 business days to your original payment method.
{%- if policy.store_credit_bonus_percent > 0 %} Prefer store credit? You'll get {{ policy.store_credit_bonus_percent }}% extra.{% endif %}

${SIGN_OFF}`,
  },
  {
    key: "return-approved",
    family: "refunds",
    title: "Return approved",
    body: `Hi {{ customer.first_name }},

Good news: your return {{ return.reference }} ({{ return.items_summary }}) has been approved.

Your return label and the next steps are here: {{ return.return_link }}
Once the parcel reaches us, we'll refund {{ return.refund_amount }} within 3–5 business days.

Thanks for shopping with {{ shop.name }}.

${SIGN_OFF}`,
  },
  {
    key: "return-declined",
    family: "refunds",
    title: "Return declined",
    body: `Hi {{ customer.first_name }},

Thank you for your return request {{ return.reference }} ({{ return.items_summary }}). I've looked at it carefully, and unfortunately we can't accept it this time.

The reason: {{ return.decline_reason }}

I know this isn't the answer you were hoping for. If you think we've missed something, or the item is faulty, reply with a few details or photos and I'll gladly take another look.

${SIGN_OFF}`,
  },
  {
    key: "refund-issued",
    family: "refunds",
    title: "Refund issued",
    body: `Hi {{ customer.first_name }},

Your refund of {{ return.refund_amount }} for order {{ order.name }} has been issued.

It goes back to your original payment method. Depending on your bank, it can take 3–5 business days to appear on your statement.

Thanks for your patience, and we hope to see you again soon.

${SIGN_OFF}`,
  },
];

const technical: StarterMacro[] = [
  {
    key: "account-password-help",
    family: "technical",
    title: "Password and account help",
    body: `Hi {{ customer.first_name }},

Sorry you're having trouble signing in. Here's what usually fixes it:

1. On our login page, choose "Forgot your password?" and enter {{ customer.email }}.
2. Check your inbox (and spam folder) for the reset email; the link is valid for a limited time.
3. Choose a new password and sign in again.

If the email doesn't arrive within a few minutes, reply here and I'll help you directly.

${SIGN_OFF}`,
  },
  {
    key: "checkout-payment-error",
    family: "technical",
    title: "Checkout or payment error",
    body: `Hi {{ customer.first_name }},

I'm sorry your checkout didn't go through. A few things that usually help:

- check the card details and billing address match what your bank has on file
- try another browser, or turn off ad blockers for our site
- try a different payment method

If you were charged but didn't receive an order confirmation, don't worry: please reply with the time of the attempt and the last 4 digits of the card, and we'll look into it right away. Pending charges for failed payments are usually released by your bank within a few days.

${SIGN_OFF}`,
  },
  {
    key: "bug-report-acknowledgement",
    family: "technical",
    title: "Site bug report acknowledgement",
    body: `Hi {{ customer.first_name }},

Thank you for letting us know about this (ticket {{ ticket.reference }}). Reports like yours help us fix things quickly.

I've passed the details to our team. If you can, reply with:
- the page where it happened
- your device and browser
- a screenshot

We'll get back to you {{ policy.response_time }}. Our team is available {{ shop.support_hours }}.

${SIGN_OFF}`,
  },
];

export const STARTER_MACROS: readonly StarterMacro[] = Object.freeze(
  [...orders, ...refunds, ...technical].map((macro) => Object.freeze(macro)),
);
