/**
 * Long on purpose: it is content (the starter categories and articles), not logic; splitting it
 * would scatter one FAQ across files.
 *
 * The FAQ a shop starts with: the questions shoppers ask most, in English. Framework-free.
 *
 * Answers are Markdown with FAQ placeholders, and name policy values only through them, so the FAQ
 * follows the return and shipping settings without edits. Optional values are tested before use
 * (`!= ""`, `> 0`) so no answer promises what the shop does not offer. No links to theme pages,
 * whose addresses differ per shop; the support email is a mailto link. Tests validate and render
 * every answer.
 */

export interface StarterFaqCategory {
  handle: string;
  title: string;
}

export interface StarterFaqArticle {
  /** Unique slug: seeds the shop's article and tells starters from the merchant's own. */
  handle: string;
  /** The handle of its category. */
  category: string;
  question: string;
  /** Markdown with FAQ placeholders. */
  answer: string;
}

export const STARTER_FAQ_CATEGORIES: readonly StarterFaqCategory[] = Object.freeze([
  { handle: "shipping", title: "Shipping & delivery" },
  { handle: "orders", title: "Orders & tracking" },
  { handle: "returns", title: "Returns & exchanges" },
  { handle: "payments", title: "Payments" },
  { handle: "products", title: "Sizing & products" },
  { handle: "support", title: "Contact & support" },
]);

const EMAIL = "[{{ shop.email }}](mailto:{{ shop.email }})";

/** One destination per list item: `regions` separates them with semicolons. */
const REGIONS_LIST = `{% assign regions = shipping.regions | split: "; " %}
{%- for region in regions %}
- {{ region }}
{%- endfor %}`;

const shipping: StarterFaqArticle[] = [
  {
    handle: "when-will-my-order-ship",
    category: "shipping",
    question: "When will my order ship?",
    answer: `We pack every order within **{{ shipping.processing_days }} business days**. As soon as it leaves us, you'll get an email with your tracking link.
{% if shipping.peak_message != "" %}
{{ shipping.peak_message }}
{% endif %}`,
  },
  {
    handle: "how-long-does-delivery-take",
    category: "shipping",
    question: "How long does delivery take?",
    answer: `Once your order has shipped, delivery usually takes:
${REGIONS_LIST}

Add {{ shipping.processing_days }} business days for us to pack your order.`,
  },
  {
    handle: "how-much-does-shipping-cost",
    category: "shipping",
    question: "How much does shipping cost?",
    answer: `Our shipping rates depend on where your order is going:
${REGIONS_LIST}
{% if shipping.free_shipping_threshold != "" %}
Orders over **{{ shipping.free_shipping_threshold }}** ship free.
{% endif %}
You'll always see the exact cost at checkout before you pay.`,
  },
  {
    handle: "do-you-offer-free-shipping",
    category: "shipping",
    question: "Do you offer free shipping?",
    answer: `{% if shipping.free_shipping_threshold != "" -%}
Yes! Shipping is free on every order over **{{ shipping.free_shipping_threshold }}**. The discount is applied automatically at checkout.
{%- else -%}
Not at the moment, but we keep our rates as low as we can. You'll see the exact cost at checkout before you pay.
{%- endif %}`,
  },
  {
    handle: "where-do-you-ship",
    category: "shipping",
    question: "Where do you ship?",
    answer: `We currently ship to:
${REGIONS_LIST}

Don't see your country? Write to us at ${EMAIL} and we'll see what we can do.`,
  },
  {
    handle: "which-carriers-do-you-use",
    category: "shipping",
    question: "Which carriers do you use?",
    answer: `We ship with {{ shipping.carriers }}. The carrier and your tracking number are in your shipping confirmation email.`,
  },
  {
    handle: "holiday-delivery",
    category: "shipping",
    question: "Will my order arrive in time for the holidays?",
    answer: `{% if shipping.peak_cutoffs != "" -%}
To have it in time for the holidays, order by these dates: {{ shipping.peak_cutoffs }}.
{%- else -%}
We pack orders within {{ shipping.processing_days }} business days, then delivery times are the same as the rest of the year. Order a little early to be safe.
{%- endif %}
{% if shipping.peak_message != "" %}
{{ shipping.peak_message }}
{% endif %}`,
  },
];

const orders: StarterFaqArticle[] = [
  {
    handle: "how-do-i-track-my-order",
    category: "orders",
    question: "How do I track my order?",
    answer: `As soon as your order ships, we email you a tracking link. You can also look up your order on our order tracking page with your order number and email address.

Tracking can take up to a day to show the first scan, so don't worry if it's quiet at first.`,
  },
  {
    handle: "tracking-not-updating",
    category: "orders",
    question: "My tracking hasn't updated in days. What should I do?",
    answer: `Parcels sometimes travel a few days without a new scan, especially across borders or in busy seasons. If nothing has changed for more than **5 business days**, write to us at ${EMAIL} with your order number and we'll check with {{ shipping.carriers }} for you.`,
  },
  {
    handle: "package-marked-delivered-not-received",
    category: "orders",
    question: "My package says delivered, but I don't have it",
    answer: `That's stressful, we know. A few things usually solve it:

1. Check around your door, your mailbox, and with neighbours or your building's reception.
2. Look for a delivery notice: some carriers leave the parcel at a nearby pickup point.
3. Wait one more day: parcels are sometimes marked delivered a little early.

Still nothing? Contact us at ${EMAIL} with your order number and we'll open a claim with the carrier.`,
  },
  {
    handle: "change-or-cancel-my-order",
    category: "orders",
    question: "Can I change or cancel my order?",
    answer: `Yes, as long as it hasn't been packed yet. Write to us **as soon as possible** at ${EMAIL} with your order number and the change you need. We reply within {{ support.response_time }} during our opening hours: {{ support.hours }}.

If your order has already shipped, you can still send it back once it arrives{% if returns.return_shipping == "free" %}, free of charge{% endif %}.`,
  },
  {
    handle: "wrong-shipping-address",
    category: "orders",
    question: "I entered the wrong shipping address",
    answer: `Contact us right away at ${EMAIL} with your order number and the correct address. If your order hasn't shipped yet, we'll update it. If it has, we'll ask {{ shipping.carriers }} to redirect it where possible.`,
  },
  {
    handle: "item-missing-from-my-order",
    category: "orders",
    question: "An item is missing from my order",
    answer: `First, check your shipping confirmation: larger orders sometimes ship in more than one parcel, each with its own tracking link.

If an item is still missing, write to us at ${EMAIL} with your order number and a photo of what you received. We'll send the missing item or refund it, whichever you prefer.`,
  },
];

const returns: StarterFaqArticle[] = [
  {
    handle: "what-is-your-return-policy",
    category: "returns",
    question: "What is your return policy?",
    answer: `You have **{{ returns.window_days }} days** from {{ returns.window_starts }} to start a return. Please send items back in the condition you received them.

You can choose {{ returns.resolutions }}.
{%- if returns.store_credit_bonus_percent > 0 and returns.resolutions contains "store credit" %} Choose store credit and we add **{{ returns.store_credit_bonus_percent }}% extra**.{% endif %}
{% if returns.final_sale_tags != "" %}
Items marked {{ returns.final_sale_tags }} can't be returned.
{%- endif %}
{%- if returns.excluded_product_types != "" %}
These can't be returned: {{ returns.excluded_product_types }}.
{%- endif %}`,
  },
  {
    handle: "how-do-i-start-a-return",
    category: "returns",
    question: "How do I start a return?",
    answer: `1. Find your order on our returns page with your order number and email address.
2. Pick the items you're sending back, the reason, and what you'd like: {{ returns.resolutions }}.
3. Pack the items securely and send them back with the instructions we email you.
{% if returns.photo_reasons != "" %}
For {{ returns.photo_reasons }}, please add a photo: it helps us sort things out faster.
{% endif %}`,
  },
  {
    handle: "do-i-pay-for-return-shipping",
    category: "returns",
    question: "Do I pay for return shipping?",
    answer: `{% if returns.return_shipping == "free" -%}
No, return shipping is on us.
{%- else -%}
Return shipping costs **{{ returns.return_shipping }}**, taken from your refund or store credit. It's free if the item arrived damaged, was the wrong item, or isn't as described.
{%- endif %}`,
  },
  {
    handle: "can-i-exchange-an-item",
    category: "returns",
    question: "Can I exchange an item for another size or colour?",
    answer: `{% if returns.resolutions contains "exchange" -%}
Of course. Start a return within {{ returns.window_days }} days from {{ returns.window_starts }}, choose an exchange and tell us the size or colour you'd like.
{%- else -%}
We don't offer exchanges, but you can return the item within {{ returns.window_days }} days from {{ returns.window_starts }} for {{ returns.resolutions }}, and place a new order for the one you'd like.
{%- endif %}`,
  },
  {
    handle: "when-will-i-get-my-refund",
    category: "returns",
    question: "When will I get my refund?",
    answer: `We refund you once your return reaches us and has been checked. The money goes back to your original payment method; your bank may take another 3–5 business days to show it.`,
  },
  {
    handle: "store-credit",
    category: "returns",
    question: "How does store credit work?",
    answer: `{% if returns.resolutions contains "store credit" -%}
When you return an item, you can choose store credit instead of a refund and spend it on your next order.
{%- if returns.store_credit_bonus_percent > 0 %} We add **{{ returns.store_credit_bonus_percent }}%** on top of the value of your items, as a thank-you for staying with us.{% endif %}
{%- else -%}
We don't offer store credit for returns at the moment: you can choose {{ returns.resolutions }}.
{%- endif %}`,
  },
  {
    handle: "which-items-cant-be-returned",
    category: "returns",
    question: "Which items can't be returned?",
    answer: `{% if returns.final_sale_tags == "" and returns.excluded_product_types == "" -%}
Every item can be returned within {{ returns.window_days }} days from {{ returns.window_starts }}.
{%- else -%}
Most items can be returned within {{ returns.window_days }} days, with a few exceptions:
{% if returns.final_sale_tags != "" %}
- items marked {{ returns.final_sale_tags }}
{%- endif %}
{%- if returns.excluded_product_types != "" %}
- {{ returns.excluded_product_types }}
{%- endif %}
{%- endif %}`,
  },
  {
    handle: "is-there-a-restocking-fee",
    category: "returns",
    question: "Is there a restocking fee?",
    answer: `{% if returns.restocking_fee_percent > 0 -%}
Yes: **{{ returns.restocking_fee_percent }}%** of the item's price is kept for refunds and store credit.
{%- if returns.resolutions contains "exchange" %} Exchanges have no restocking fee.{% endif %}
{%- else -%}
No, we never charge a restocking fee.
{%- endif %}`,
  },
  {
    handle: "damaged-or-wrong-item",
    category: "returns",
    question: "My item arrived damaged, or I received the wrong item",
    answer: `We're so sorry! Start a return and choose the reason that matches{% if returns.photo_reasons != "" %}, with a photo of the item{% endif %}. Return shipping is free in this case, and you can choose {{ returns.resolutions }}.`,
  },
];

const payments: StarterFaqArticle[] = [
  {
    handle: "which-payment-methods-do-you-accept",
    category: "payments",
    question: "Which payment methods do you accept?",
    answer: `Every payment method we accept is shown at checkout. Payments are processed securely: we never see or store your full card details.`,
  },
  {
    handle: "why-was-my-payment-declined",
    category: "payments",
    question: "Why was my payment declined?",
    answer: `Most declines come from the bank, not from us. Check that the card number, expiry date, security code and billing address match your bank's records, then try again.

If it's still declined, your bank can tell you why, or you can try another payment method.`,
  },
  {
    handle: "charged-twice",
    category: "payments",
    question: "I was charged twice. What happened?",
    answer: `Usually one of the two is a temporary authorisation from a payment that didn't go through. It disappears on its own, typically within a few business days.

If both charges are still there after a week, write to us at ${EMAIL} with your order number and we'll look into it.`,
  },
  {
    handle: "how-do-i-use-a-discount-code",
    category: "payments",
    question: "How do I use a discount code?",
    answer: `Enter your code in the **Discount code** field at checkout and select **Apply**. The discount shows in your order summary before you pay.

Code not working? Check its expiry date and conditions, or contact us at ${EMAIL}.`,
  },
  {
    handle: "duties-and-taxes",
    category: "payments",
    question: "Will I pay duties or taxes?",
    answer: `Taxes are shown at checkout. For orders shipped to another country, duties and import taxes may apply: if they aren't collected at checkout, the carrier may ask for them on delivery.`,
  },
];

const products: StarterFaqArticle[] = [
  {
    handle: "how-do-i-find-my-size",
    category: "products",
    question: "How do I find my size?",
    answer: `Each product page lists its measurements and fit. Between two sizes? Write to us at ${EMAIL} with your usual size and we'll help you choose.

If it doesn't fit, you can {% if returns.resolutions contains "exchange" %}exchange{% else %}return{% endif %} it within {{ returns.window_days }} days from {{ returns.window_starts }}.`,
  },
  {
    handle: "will-a-sold-out-item-come-back",
    category: "products",
    question: "Will a sold-out item be back in stock?",
    answer: `Many of our items come back, though we can't always say when. Write to us at ${EMAIL} with the product name and size and we'll tell you what we know.`,
  },
  {
    handle: "how-do-i-care-for-my-items",
    category: "products",
    question: "How should I care for my items?",
    answer: `Follow the care label on each item; the product page lists the materials too. Not sure about something? Write to us at ${EMAIL} and we'll help.`,
  },
  {
    handle: "question-about-a-product",
    category: "products",
    question: "I have a question about a product",
    answer: `We're happy to help! Write to us at ${EMAIL} with the product name and your question, and we'll answer within {{ support.response_time }} during our opening hours.`,
  },
];

const support: StarterFaqArticle[] = [
  {
    handle: "how-can-i-contact-you",
    category: "support",
    question: "How can I contact you?",
    answer: `Write to us at ${EMAIL}. Include your order number if your question is about an order: it helps us answer faster.

Our team is here {{ support.hours }}, and we usually reply within **{{ support.response_time }}**.`,
  },
  {
    handle: "when-is-support-available",
    category: "support",
    question: "When is your support team available?",
    answer: `Our team is available {{ support.hours }}. Messages sent outside these hours are answered first thing on our next working day.`,
  },
  {
    handle: "urgent-problem-with-my-order",
    category: "support",
    question: "I have an urgent problem with my order",
    answer: `Write to us at ${EMAIL} and start your subject with **Urgent**, with your order number. Urgent problems, like a wrong address on an order about to ship, are answered within {{ support.urgent_response_time }} during our opening hours: {{ support.hours }}.`,
  },
];

export const STARTER_FAQ: readonly StarterFaqArticle[] = Object.freeze([
  ...shipping,
  ...orders,
  ...returns,
  ...payments,
  ...products,
  ...support,
]);
