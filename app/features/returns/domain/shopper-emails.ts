/**
 * Long on purpose: a string catalogue, every key in four languages side by side, so a missing
 * translation shows as a gap here; the logic is the few functions at the end.
 *
 * The emails a shopper gets about a return, from the request to its close, in the languages the
 * storefront blocks speak (the request's `locale`). Each email is a subject, a lead the staff may
 * replace with their own words, and the facts the shopper acts on (items, return address, label,
 * tracking, amounts), which are always kept. Plain text with {name} slots; values are filled in
 * as they are. Framework-free.
 */
import { interpolate, shopperLocale, type ShopperLocale } from "../../tickets/domain/shopper-messages";

export const RETURN_EMAIL_KINDS = [
  "received",
  "approved_ship",
  "approved_label",
  "approved_keep",
  "declined",
  "label",
  "items_received",
  "refunded",
  "credited",
  "exchange_created",
  "exchange_shipped",
  "closed",
] as const;
export type ReturnEmailKind = (typeof RETURN_EMAIL_KINDS)[number];

const en = {
  greeting: "Hello,",
  sign_off: "The {shop} team",
  reference_line: "Return reference: {reference}",
  items_heading: "Items in your return:",
  item_line: "- {title} × {quantity}",
  return_address_heading: "Return address:",
  instructions_heading: "How to send it:",
  parcel_reference: "Write {reference} on the parcel so we can match it to your return.",
  label_link: "Your return label: {labelUrl}",
  label_follows: "We will email you a return label shortly. Please wait for it before sending anything.",
  tracking_number: "Tracking number: {trackingNumber}",
  tracking_link: "Track the parcel: {trackingUrl}",
  note_line: "Note from {shop}: {note}",
  refund_amount: "Refunded: {amount}",
  credit_amount: "Store credit: {amount}",
  bonus_amount: "Bonus store credit: {amount}",
  new_item: "New item: {variantTitle}",

  received_subject: "We received your return request {reference}",
  received_lead: "Thanks for your return request for order {orderName}. We will review it and email you the next steps.",
  approved_ship_subject: "Your return {reference} is approved",
  approved_ship_lead: "Good news: your return for order {orderName} is approved. Please pack the items securely and send them back to us.",
  approved_label_subject: "Your return {reference} is approved",
  approved_label_lead: "Good news: your return for order {orderName} is approved. Please pack the items securely; we provide the return label.",
  approved_keep_subject: "Your return {reference} is approved: no need to send anything back",
  approved_keep_lead:
    "Good news: your return for order {orderName} is approved, and you do not need to send the items back. We will email you once your return is processed.",
  declined_subject: "About your return request {reference}",
  declined_lead: "We are sorry: we cannot accept your return request for order {orderName}. Reply to this email if you have any questions.",
  label_subject: "Your return label for {reference}",
  label_lead: "Your return label for order {orderName} is ready. Print it, stick it on the parcel and hand the parcel to the carrier.",
  items_received_subject: "We received your returned items ({reference})",
  items_received_lead: "Your returned items for order {orderName} have arrived. We will check them and email you once your return is processed.",
  refunded_subject: "Your refund for return {reference}",
  refunded_lead:
    "Your return for order {orderName} is processed. The refund goes to your original payment method; your bank may take a few days to show it.",
  credited_subject: "Your store credit for return {reference}",
  credited_lead:
    "Your return for order {orderName} is processed and store credit has been added to your account. Use it at checkout when you sign in with this email address.",
  exchange_created_subject: "Your exchange for return {reference}",
  exchange_created_lead: "We have set up the exchange for your return on order {orderName}. The new item ships as soon as we have received your return.",
  exchange_shipped_subject: "Your exchange is on its way ({reference})",
  exchange_shipped_lead: "The new item for your return on order {orderName} is on its way.",
  closed_subject: "Your return {reference} is complete",
  closed_lead: "Your return for order {orderName} is complete. Thank you for shopping with {shop}.",
} as const;

export type ReturnEmailKey = keyof typeof en;

/** A language's emails: every key, and no other, so a missing or misspelt key does not compile. */
export type ReturnEmailCatalogue = { readonly [K in ReturnEmailKey]: string };

const fr: ReturnEmailCatalogue = {
  greeting: "Bonjour,",
  sign_off: "L'équipe {shop}",
  reference_line: "Référence du retour : {reference}",
  items_heading: "Articles de votre retour :",
  item_line: "- {title} × {quantity}",
  return_address_heading: "Adresse de retour :",
  instructions_heading: "Comment l'envoyer :",
  parcel_reference: "Inscrivez {reference} sur le colis pour que nous puissions le rattacher à votre retour.",
  label_link: "Votre étiquette de retour : {labelUrl}",
  label_follows: "Nous vous enverrons très bientôt une étiquette de retour par e-mail. Attendez-la avant d'envoyer quoi que ce soit.",
  tracking_number: "Numéro de suivi : {trackingNumber}",
  tracking_link: "Suivre le colis : {trackingUrl}",
  note_line: "Message de {shop} : {note}",
  refund_amount: "Montant remboursé : {amount}",
  credit_amount: "Avoir : {amount}",
  bonus_amount: "Avoir en bonus : {amount}",
  new_item: "Nouvel article : {variantTitle}",

  received_subject: "Nous avons bien reçu votre demande de retour {reference}",
  received_lead: "Merci pour votre demande de retour concernant la commande {orderName}. Nous allons l'examiner et vous indiquerons la suite par e-mail.",
  approved_ship_subject: "Votre retour {reference} est accepté",
  approved_ship_lead: "Bonne nouvelle : votre retour pour la commande {orderName} est accepté. Emballez soigneusement les articles et renvoyez-les-nous.",
  approved_label_subject: "Votre retour {reference} est accepté",
  approved_label_lead:
    "Bonne nouvelle : votre retour pour la commande {orderName} est accepté. Emballez soigneusement les articles ; nous vous fournissons l'étiquette de retour.",
  approved_keep_subject: "Votre retour {reference} est accepté : inutile de nous renvoyer les articles",
  approved_keep_lead:
    "Bonne nouvelle : votre retour pour la commande {orderName} est accepté, et vous n'avez pas besoin de nous renvoyer les articles. Nous vous écrirons dès que votre retour sera traité.",
  declined_subject: "Au sujet de votre demande de retour {reference}",
  declined_lead:
    "Nous sommes désolés : nous ne pouvons pas accepter votre demande de retour pour la commande {orderName}. Répondez à cet e-mail si vous avez des questions.",
  label_subject: "Votre étiquette de retour pour {reference}",
  label_lead:
    "Votre étiquette de retour pour la commande {orderName} est prête. Imprimez-la, collez-la sur le colis et remettez le colis au transporteur.",
  items_received_subject: "Nous avons bien reçu les articles retournés ({reference})",
  items_received_lead:
    "Les articles retournés de la commande {orderName} sont arrivés. Nous allons les vérifier et vous écrirons dès que votre retour sera traité.",
  refunded_subject: "Votre remboursement pour le retour {reference}",
  refunded_lead:
    "Votre retour pour la commande {orderName} est traité. Le remboursement est effectué sur votre moyen de paiement d'origine ; votre banque peut mettre quelques jours à l'afficher.",
  credited_subject: "Votre avoir pour le retour {reference}",
  credited_lead:
    "Votre retour pour la commande {orderName} est traité et un avoir a été ajouté à votre compte. Utilisez-le au paiement en vous connectant avec cette adresse e-mail.",
  exchange_created_subject: "Votre échange pour le retour {reference}",
  exchange_created_lead:
    "Nous avons préparé l'échange pour votre retour sur la commande {orderName}. Le nouvel article sera expédié dès que nous aurons reçu votre retour.",
  exchange_shipped_subject: "Votre article d'échange est en route ({reference})",
  exchange_shipped_lead: "Le nouvel article pour votre retour sur la commande {orderName} est en route.",
  closed_subject: "Votre retour {reference} est terminé",
  closed_lead: "Votre retour pour la commande {orderName} est terminé. Merci d'avoir choisi {shop}.",
};

const de: ReturnEmailCatalogue = {
  greeting: "Guten Tag,",
  sign_off: "Ihr {shop}-Team",
  reference_line: "Rücksendungsnummer: {reference}",
  items_heading: "Artikel Ihrer Rücksendung:",
  item_line: "- {title} × {quantity}",
  return_address_heading: "Rücksendeadresse:",
  instructions_heading: "So senden Sie die Artikel zurück:",
  parcel_reference: "Schreiben Sie {reference} auf das Paket, damit wir es Ihrer Rücksendung zuordnen können.",
  label_link: "Ihr Rücksendeetikett: {labelUrl}",
  label_follows: "Wir senden Ihnen in Kürze ein Rücksendeetikett per E-Mail. Bitte warten Sie darauf, bevor Sie etwas verschicken.",
  tracking_number: "Sendungsnummer: {trackingNumber}",
  tracking_link: "Sendung verfolgen: {trackingUrl}",
  note_line: "Nachricht von {shop}: {note}",
  refund_amount: "Erstattet: {amount}",
  credit_amount: "Guthaben: {amount}",
  bonus_amount: "Bonusguthaben: {amount}",
  new_item: "Neuer Artikel: {variantTitle}",

  received_subject: "Wir haben Ihre Rücksendeanfrage {reference} erhalten",
  received_lead: "Vielen Dank für Ihre Rücksendeanfrage zur Bestellung {orderName}. Wir prüfen sie und teilen Ihnen die nächsten Schritte per E-Mail mit.",
  approved_ship_subject: "Ihre Rücksendung {reference} ist genehmigt",
  approved_ship_lead:
    "Gute Nachricht: Ihre Rücksendung zur Bestellung {orderName} ist genehmigt. Bitte verpacken Sie die Artikel sorgfältig und senden Sie sie an uns zurück.",
  approved_label_subject: "Ihre Rücksendung {reference} ist genehmigt",
  approved_label_lead:
    "Gute Nachricht: Ihre Rücksendung zur Bestellung {orderName} ist genehmigt. Bitte verpacken Sie die Artikel sorgfältig; das Rücksendeetikett stellen wir bereit.",
  approved_keep_subject: "Ihre Rücksendung {reference} ist genehmigt: Sie müssen nichts zurücksenden",
  approved_keep_lead:
    "Gute Nachricht: Ihre Rücksendung zur Bestellung {orderName} ist genehmigt, und Sie müssen die Artikel nicht zurücksenden. Wir melden uns, sobald Ihre Rücksendung bearbeitet ist.",
  declined_subject: "Zu Ihrer Rücksendeanfrage {reference}",
  declined_lead:
    "Es tut uns leid: Wir können Ihre Rücksendeanfrage zur Bestellung {orderName} nicht annehmen. Antworten Sie auf diese E-Mail, wenn Sie Fragen haben.",
  label_subject: "Ihr Rücksendeetikett für {reference}",
  label_lead:
    "Ihr Rücksendeetikett für die Bestellung {orderName} ist bereit. Drucken Sie es aus, kleben Sie es auf das Paket und geben Sie das Paket beim Versanddienst ab.",
  items_received_subject: "Wir haben Ihre zurückgesendeten Artikel erhalten ({reference})",
  items_received_lead:
    "Ihre zurückgesendeten Artikel zur Bestellung {orderName} sind angekommen. Wir prüfen sie und melden uns, sobald Ihre Rücksendung bearbeitet ist.",
  refunded_subject: "Ihre Erstattung für die Rücksendung {reference}",
  refunded_lead:
    "Ihre Rücksendung zur Bestellung {orderName} ist bearbeitet. Die Erstattung erfolgt auf Ihre ursprüngliche Zahlungsmethode; bis sie bei Ihrer Bank erscheint, kann es einige Tage dauern.",
  credited_subject: "Ihr Guthaben für die Rücksendung {reference}",
  credited_lead:
    "Ihre Rücksendung zur Bestellung {orderName} ist bearbeitet, und Ihrem Konto wurde ein Guthaben gutgeschrieben. Sie können es an der Kasse nutzen, wenn Sie sich mit dieser E-Mail-Adresse anmelden.",
  exchange_created_subject: "Ihr Umtausch für die Rücksendung {reference}",
  exchange_created_lead:
    "Wir haben den Umtausch für Ihre Rücksendung zur Bestellung {orderName} vorbereitet. Der neue Artikel wird versendet, sobald Ihre Rücksendung bei uns eingetroffen ist.",
  exchange_shipped_subject: "Ihr Umtauschartikel ist unterwegs ({reference})",
  exchange_shipped_lead: "Der neue Artikel für Ihre Rücksendung zur Bestellung {orderName} ist unterwegs.",
  closed_subject: "Ihre Rücksendung {reference} ist abgeschlossen",
  closed_lead: "Ihre Rücksendung zur Bestellung {orderName} ist abgeschlossen. Vielen Dank für Ihren Einkauf bei {shop}.",
};

const es: ReturnEmailCatalogue = {
  greeting: "Hola:",
  sign_off: "El equipo de {shop}",
  reference_line: "Referencia de la devolución: {reference}",
  items_heading: "Artículos de su devolución:",
  item_line: "- {title} × {quantity}",
  return_address_heading: "Dirección de devolución:",
  instructions_heading: "Cómo enviarlo:",
  parcel_reference: "Escriba {reference} en el paquete para que podamos asociarlo a su devolución.",
  label_link: "Su etiqueta de devolución: {labelUrl}",
  label_follows: "En breve le enviaremos una etiqueta de devolución por correo electrónico. Espere a recibirla antes de enviar nada.",
  tracking_number: "Número de seguimiento: {trackingNumber}",
  tracking_link: "Seguir el paquete: {trackingUrl}",
  note_line: "Mensaje de {shop}: {note}",
  refund_amount: "Reembolsado: {amount}",
  credit_amount: "Crédito en tienda: {amount}",
  bonus_amount: "Crédito adicional de regalo: {amount}",
  new_item: "Artículo nuevo: {variantTitle}",

  received_subject: "Hemos recibido su solicitud de devolución {reference}",
  received_lead: "Gracias por su solicitud de devolución del pedido {orderName}. La revisaremos y le indicaremos los siguientes pasos por correo electrónico.",
  approved_ship_subject: "Su devolución {reference} está aprobada",
  approved_ship_lead: "Buenas noticias: su devolución del pedido {orderName} está aprobada. Embale bien los artículos y envíenoslos de vuelta.",
  approved_label_subject: "Su devolución {reference} está aprobada",
  approved_label_lead:
    "Buenas noticias: su devolución del pedido {orderName} está aprobada. Embale bien los artículos; nosotros le facilitamos la etiqueta de devolución.",
  approved_keep_subject: "Su devolución {reference} está aprobada: no necesita enviar nada",
  approved_keep_lead:
    "Buenas noticias: su devolución del pedido {orderName} está aprobada y no necesita enviarnos los artículos. Le escribiremos en cuanto se haya procesado su devolución.",
  declined_subject: "Sobre su solicitud de devolución {reference}",
  declined_lead:
    "Lo sentimos: no podemos aceptar su solicitud de devolución del pedido {orderName}. Responda a este correo si tiene alguna pregunta.",
  label_subject: "Su etiqueta de devolución para {reference}",
  label_lead:
    "Su etiqueta de devolución del pedido {orderName} está lista. Imprímala, péguela en el paquete y entregue el paquete al transportista.",
  items_received_subject: "Hemos recibido los artículos devueltos ({reference})",
  items_received_lead:
    "Los artículos devueltos del pedido {orderName} han llegado. Los revisaremos y le escribiremos en cuanto se haya procesado su devolución.",
  refunded_subject: "Su reembolso de la devolución {reference}",
  refunded_lead:
    "Su devolución del pedido {orderName} se ha procesado. El reembolso se hace a su método de pago original; su banco puede tardar unos días en mostrarlo.",
  credited_subject: "Su crédito en tienda de la devolución {reference}",
  credited_lead:
    "Su devolución del pedido {orderName} se ha procesado y hemos añadido crédito en tienda a su cuenta. Puede usarlo al pagar si inicia sesión con esta dirección de correo.",
  exchange_created_subject: "Su cambio de la devolución {reference}",
  exchange_created_lead:
    "Hemos preparado el cambio de su devolución del pedido {orderName}. El artículo nuevo se enviará en cuanto hayamos recibido su devolución.",
  exchange_shipped_subject: "Su artículo de cambio está en camino ({reference})",
  exchange_shipped_lead: "El artículo nuevo de su devolución del pedido {orderName} está en camino.",
  closed_subject: "Su devolución {reference} se ha completado",
  closed_lead: "Su devolución del pedido {orderName} se ha completado. Gracias por comprar en {shop}.",
};

export const RETURN_EMAILS: { readonly [L in ShopperLocale]: ReturnEmailCatalogue } = Object.freeze({ en, fr, de, es });

/** What an email may mention; a fact left out is left out of the email (its line is dropped). */
export type ReturnEmailVars = {
  shop: string;
  reference: string;
  orderName: string;
  items?: { title: string; quantity: number }[];
  returnAddress?: string;
  instructions?: string;
  labelUrl?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  amountCents?: number;
  bonusCents?: number;
  currency?: string;
  variantTitle?: string;
  /** Staff's note to the shopper on a decline. */
  note?: string;
  /** Staff's own words: they replace the greeting, the lead and the sign-off; the facts stay. */
  staffMessage?: string;
};

/** "12,50 €" in French, "€12.50" in English; an unknown currency code is written after the amount. */
export function formatReturnAmount(cents: number, currency: string, locale: ShopperLocale): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} ${currency}`;
  }
}

const filled = (value: string | undefined): value is string => typeof value === "string" && value.trim() !== "";

/** The lines each kind states as facts, in the order the shopper needs them. */
function facts(kind: ReturnEmailKind, vars: ReturnEmailVars, t: (key: ReturnEmailKey, values?: Record<string, string | number>) => string, locale: ShopperLocale) {
  const amount = (cents: number | undefined, key: "refund_amount" | "credit_amount" | "bonus_amount") =>
    cents !== undefined && cents > 0 && filled(vars.currency) ? t(key, { amount: formatReturnAmount(cents, vars.currency, locale) }) : null;
  const address = filled(vars.returnAddress) ? `${t("return_address_heading")}\n${vars.returnAddress.trim()}` : null;
  const tracking = [
    filled(vars.trackingNumber) ? t("tracking_number", { trackingNumber: vars.trackingNumber.trim() }) : null,
    filled(vars.trackingUrl) ? t("tracking_link", { trackingUrl: vars.trackingUrl.trim() }) : null,
  ];
  const label = filled(vars.labelUrl) ? t("label_link", { labelUrl: vars.labelUrl.trim() }) : null;

  switch (kind) {
    case "received":
      return vars.items?.length ? [[t("items_heading"), ...vars.items.map((i) => t("item_line", { title: i.title, quantity: i.quantity }))].join("\n")] : [];
    case "approved_ship":
      return [
        address,
        filled(vars.instructions) ? `${t("instructions_heading")}\n${vars.instructions.trim()}` : null,
        t("parcel_reference", { reference: vars.reference }),
      ];
    case "approved_label":
      return [label ?? t("label_follows")];
    case "declined":
      return [filled(vars.note) ? t("note_line", { shop: vars.shop, note: vars.note.trim() }) : null];
    case "label":
      return [label, ...tracking, address];
    case "refunded":
      return [amount(vars.amountCents, "refund_amount")];
    case "credited":
      return [amount(vars.amountCents, "credit_amount"), amount(vars.bonusCents, "bonus_amount")];
    case "exchange_created":
      return [filled(vars.variantTitle) ? t("new_item", { variantTitle: vars.variantTitle.trim() }) : null];
    case "exchange_shipped":
      return tracking;
    case "approved_keep":
    case "items_received":
    case "closed":
      return [];
  }
}

/**
 * A return email in the shopper's language (any storefront locale; English when we do not speak
 * it): greeting, lead, the facts, the reference, sign-off; or, when staff wrote their own words,
 * those words, the facts and the reference. Paragraphs are separated by a blank line.
 */
export function returnEmail(kind: ReturnEmailKind, locale: string, vars: ReturnEmailVars): { subject: string; text: string } {
  const language = shopperLocale(locale);
  const catalogue = RETURN_EMAILS[language];
  const t = (key: ReturnEmailKey, values: Record<string, string | number> = {}) => interpolate(catalogue[key], values);
  const common = { shop: vars.shop, reference: vars.reference, orderName: vars.orderName };
  const lead = filled(vars.staffMessage) ? [vars.staffMessage.trim()] : [t("greeting"), t(`${kind}_lead` as const, common)];
  const paragraphs = [
    ...lead,
    ...facts(kind, vars, t, language),
    t("reference_line", common),
    filled(vars.staffMessage) ? null : t("sign_off", common),
  ];
  return {
    subject: t(`${kind}_subject` as const, common),
    text: paragraphs.filter((p): p is string => p !== null).join("\n\n"),
  };
}
