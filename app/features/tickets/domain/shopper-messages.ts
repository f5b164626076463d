/**
 * Long on purpose: a string catalogue, every key in four languages side by side, so a missing
 * translation shows as a gap here; the logic in it is a few lines.
 *
 * Every word the shopper reads from us outside the theme: the pages behind the signed links
 * (conversation, survey, link problems) and the emails (receipt, reply, survey), in the languages
 * the storefront blocks speak. The theme's locales belong to the theme extension, so the app keeps
 * its own catalogue. Templates are plain text with {name} slots: values are filled in as they are,
 * and escaping is the HTML page builder's job, never the catalogue's. Framework-free.
 */

export const SHOPPER_LOCALES = ["en", "fr", "de", "es"] as const;
export type ShopperLocale = (typeof SHOPPER_LOCALES)[number];

/**
 * One of our languages from a storefront locale ("fr", "fr-CA", "DE", "pt-BR"…): its language
 * part when we speak it, else English.
 */
export function shopperLocale(value: unknown): ShopperLocale {
  const language = typeof value === "string" ? value.trim().toLowerCase().split(/[-_]/)[0] : "";
  return SHOPPER_LOCALES.find((locale) => locale === language) ?? "en";
}

const en = {
  // the conversation page
  thread_heading: "Your conversation with {shop}",
  thread_reference: "Reference {reference}",
  status_open: "Waiting for our reply",
  status_pending: "We replied",
  status_closed: "Closed (write below to reopen it)",
  notice_sent: "Thanks, your message was added. We will answer by email.",
  notice_rate_limited: "You have sent several messages in a short time. Please wait a few minutes and try again.",
  notice_reply_invalid: "Your message was not sent: check the fields below.",
  thread_messages_label: "Messages, oldest first",
  author_you: "You",
  author_team: "{shop} support",
  photo_attached: "Photo attached ({type}, {size})",
  reply_heading: "Reply",
  reply_label: "Your message",
  photo_label: "Photo (optional)",
  photo_hint: "JPEG, PNG or WebP, up to {size}.",
  reply_send: "Send",
  error_message_required: "Write your message.",
  error_message_too_long: "Keep your message under {max} characters.",
  error_message_other: "Check your message.",
  error_photo_type: "Attach a JPEG, PNG or WebP image.",
  error_photo_too_large: "The photo must be {size} or smaller.",
  error_photo_other: "Check the photo.",
  // the survey page
  csat_title: "How did we do?",
  csat_intro: "Your conversation {reference} with {shop}",
  csat_invalid: "Your answer was not sent: check the fields below.",
  csat_rating_legend: "Your rating",
  csat_label_1: "Very poor",
  csat_label_2: "Poor",
  csat_label_3: "Okay",
  csat_label_4: "Good",
  csat_label_5: "Excellent",
  csat_error_rating: "Choose a rating from 1 to 5.",
  csat_error_comment_too_long: "Keep your comment under {max} characters.",
  csat_comment_label: "Anything you would like to add? (optional)",
  csat_send: "Send my answer",
  csat_thanks_title: "Thank you",
  csat_thanks_heading: "Thank you for your answer",
  csat_thanks_rating: "You rated our help with {reference} {rating} out of 5 ({label}).",
  csat_thanks_reads: "{shop} reads every answer.",
  // when the link does not work
  link_invalid_title: "This link does not work",
  link_invalid_text: "The link may be incomplete or changed. Open it again from our most recent email, or contact us again from the store.",
  link_expired_title: "This link has expired",
  link_expired_text:
    "For your privacy, links to a conversation work for a limited time. Use the link in our most recent email, or contact us again from the store.",
  link_not_found_title: "This conversation is no longer available",
  link_not_found_text: "It may have been removed at your request. Contact us again from the store if you still need help.",
  // the emails
  email_greeting: "Hello,",
  receipt_subject: "We received your message {reference}",
  receipt_thanks: "Thanks for contacting {shop}. We received your message and will answer by email.",
  receipt_reference: "Your reference: {reference}",
  receipt_promise_open: "We usually reply within {duration}.",
  receipt_promise_closed: "We're closed right now; expect a reply by {date} ({timeZone}).",
  receipt_link_intro: "To read the conversation or add details (no account needed):",
  receipt_not_you: "If you did not write to us, you can ignore this email.",
  reply_subject: "Re: {subject} [{reference}]",
  reply_link_intro: "To answer, open the conversation {reference} (replies to this email may not reach us):",
  csat_email_subject: "How did we do? [{reference}]",
  csat_email_intro: 'We have closed your conversation {reference} ("{subject}"). How would you rate our help?',
  csat_email_pick: "Pick a rating, then add a comment if you like. It takes a few seconds.",
  csat_email_more_help: "Need more help? Answer in the conversation and it reopens:",
} as const;

export type ShopperMessageKey = keyof typeof en;

/** A language's messages: every key, and no other, so a missing or misspelt key does not compile. */
export type ShopperCatalogue = { readonly [K in ShopperMessageKey]: string };

const fr: ShopperCatalogue = {
  thread_heading: "Votre conversation avec {shop}",
  thread_reference: "Référence {reference}",
  status_open: "En attente de notre réponse",
  status_pending: "Nous vous avons répondu",
  status_closed: "Clôturée (écrivez ci-dessous pour la rouvrir)",
  notice_sent: "Merci, votre message a bien été ajouté. Nous vous répondrons par e-mail.",
  notice_rate_limited: "Vous avez envoyé plusieurs messages en peu de temps. Veuillez patienter quelques minutes, puis réessayer.",
  notice_reply_invalid: "Votre message n'a pas été envoyé : vérifiez les champs ci-dessous.",
  thread_messages_label: "Messages, du plus ancien au plus récent",
  author_you: "Vous",
  author_team: "Service client {shop}",
  photo_attached: "Photo jointe ({type}, {size})",
  reply_heading: "Répondre",
  reply_label: "Votre message",
  photo_label: "Photo (facultatif)",
  photo_hint: "JPEG, PNG ou WebP, {size} maximum.",
  reply_send: "Envoyer",
  error_message_required: "Écrivez votre message.",
  error_message_too_long: "Votre message ne doit pas dépasser {max} caractères.",
  error_message_other: "Vérifiez votre message.",
  error_photo_type: "Joignez une image JPEG, PNG ou WebP.",
  error_photo_too_large: "La photo ne doit pas dépasser {size}.",
  error_photo_other: "Vérifiez la photo.",
  csat_title: "Qu'avez-vous pensé de notre aide ?",
  csat_intro: "Votre conversation {reference} avec {shop}",
  csat_invalid: "Votre réponse n'a pas été envoyée : vérifiez les champs ci-dessous.",
  csat_rating_legend: "Votre note",
  csat_label_1: "Très mauvais",
  csat_label_2: "Mauvais",
  csat_label_3: "Correct",
  csat_label_4: "Bien",
  csat_label_5: "Excellent",
  csat_error_rating: "Choisissez une note de 1 à 5.",
  csat_error_comment_too_long: "Votre commentaire ne doit pas dépasser {max} caractères.",
  csat_comment_label: "Souhaitez-vous ajouter quelque chose ? (facultatif)",
  csat_send: "Envoyer ma réponse",
  csat_thanks_title: "Merci",
  csat_thanks_heading: "Merci pour votre réponse",
  csat_thanks_rating: "Vous avez donné la note de {rating} sur 5 ({label}) à notre aide pour la conversation {reference}.",
  csat_thanks_reads: "{shop} lit toutes les réponses.",
  link_invalid_title: "Ce lien ne fonctionne pas",
  link_invalid_text:
    "Le lien est peut-être incomplet ou a été modifié. Ouvrez-le à nouveau depuis notre e-mail le plus récent, ou contactez-nous de nouveau depuis la boutique.",
  link_expired_title: "Ce lien a expiré",
  link_expired_text:
    "Pour protéger votre vie privée, les liens vers une conversation ne fonctionnent que pendant une durée limitée. Utilisez le lien de notre e-mail le plus récent, ou contactez-nous de nouveau depuis la boutique.",
  link_not_found_title: "Cette conversation n'est plus disponible",
  link_not_found_text: "Elle a peut-être été supprimée à votre demande. Contactez-nous de nouveau depuis la boutique si vous avez encore besoin d'aide.",
  email_greeting: "Bonjour,",
  receipt_subject: "Nous avons bien reçu votre message {reference}",
  receipt_thanks: "Merci d'avoir contacté {shop}. Nous avons bien reçu votre message et vous répondrons par e-mail.",
  receipt_reference: "Votre référence : {reference}",
  receipt_promise_open: "Nous répondons généralement dans un délai de {duration}.",
  receipt_promise_closed: "Nous sommes fermés pour le moment ; vous recevrez une réponse au plus tard le {date} ({timeZone}).",
  receipt_link_intro: "Pour consulter la conversation ou ajouter des précisions (aucun compte nécessaire) :",
  receipt_not_you: "Si vous ne nous avez pas écrit, vous pouvez ignorer cet e-mail.",
  reply_subject: "Re: {subject} [{reference}]",
  reply_link_intro: "Pour répondre, ouvrez la conversation {reference} (les réponses à cet e-mail pourraient ne pas nous parvenir) :",
  csat_email_subject: "Qu'avez-vous pensé de notre aide ? [{reference}]",
  csat_email_intro: "Nous avons clôturé votre conversation {reference} (« {subject} »). Comment évalueriez-vous notre aide ?",
  csat_email_pick: "Choisissez une note, puis ajoutez un commentaire si vous le souhaitez. Cela ne prend que quelques secondes.",
  csat_email_more_help: "Besoin d'aide supplémentaire ? Répondez dans la conversation et elle sera rouverte :",
};

const de: ShopperCatalogue = {
  thread_heading: "Ihre Unterhaltung mit {shop}",
  thread_reference: "Vorgangsnummer {reference}",
  status_open: "Wartet auf unsere Antwort",
  status_pending: "Wir haben geantwortet",
  status_closed: "Geschlossen (schreiben Sie unten, um sie wieder zu öffnen)",
  notice_sent: "Vielen Dank, Ihre Nachricht wurde hinzugefügt. Wir antworten Ihnen per E-Mail.",
  notice_rate_limited: "Sie haben in kurzer Zeit mehrere Nachrichten gesendet. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.",
  notice_reply_invalid: "Ihre Nachricht wurde nicht gesendet: Bitte prüfen Sie die Felder unten.",
  thread_messages_label: "Nachrichten, älteste zuerst",
  author_you: "Sie",
  author_team: "Kundenservice von {shop}",
  photo_attached: "Foto angehängt ({type}, {size})",
  reply_heading: "Antworten",
  reply_label: "Ihre Nachricht",
  photo_label: "Foto (optional)",
  photo_hint: "JPEG, PNG oder WebP, bis {size}.",
  reply_send: "Senden",
  error_message_required: "Bitte schreiben Sie Ihre Nachricht.",
  error_message_too_long: "Ihre Nachricht darf höchstens {max} Zeichen lang sein.",
  error_message_other: "Bitte prüfen Sie Ihre Nachricht.",
  error_photo_type: "Bitte hängen Sie ein JPEG-, PNG- oder WebP-Bild an.",
  error_photo_too_large: "Das Foto darf höchstens {size} groß sein.",
  error_photo_other: "Bitte prüfen Sie das Foto.",
  csat_title: "Wie zufrieden waren Sie mit uns?",
  csat_intro: "Ihre Unterhaltung {reference} mit {shop}",
  csat_invalid: "Ihre Antwort wurde nicht gesendet: Bitte prüfen Sie die Felder unten.",
  csat_rating_legend: "Ihre Bewertung",
  csat_label_1: "Sehr schlecht",
  csat_label_2: "Schlecht",
  csat_label_3: "In Ordnung",
  csat_label_4: "Gut",
  csat_label_5: "Ausgezeichnet",
  csat_error_rating: "Bitte wählen Sie eine Bewertung von 1 bis 5.",
  csat_error_comment_too_long: "Ihr Kommentar darf höchstens {max} Zeichen lang sein.",
  csat_comment_label: "Möchten Sie noch etwas hinzufügen? (optional)",
  csat_send: "Antwort senden",
  csat_thanks_title: "Vielen Dank",
  csat_thanks_heading: "Vielen Dank für Ihre Antwort",
  csat_thanks_rating: "Sie haben unsere Hilfe zu {reference} mit {rating} von 5 bewertet ({label}).",
  csat_thanks_reads: "{shop} liest jede Antwort.",
  link_invalid_title: "Dieser Link funktioniert nicht",
  link_invalid_text:
    "Der Link ist möglicherweise unvollständig oder wurde verändert. Öffnen Sie ihn erneut aus unserer letzten E-Mail oder kontaktieren Sie uns erneut über den Shop.",
  link_expired_title: "Dieser Link ist abgelaufen",
  link_expired_text:
    "Zum Schutz Ihrer Privatsphäre funktionieren Links zu einer Unterhaltung nur für begrenzte Zeit. Verwenden Sie den Link aus unserer letzten E-Mail oder kontaktieren Sie uns erneut über den Shop.",
  link_not_found_title: "Diese Unterhaltung ist nicht mehr verfügbar",
  link_not_found_text: "Sie wurde möglicherweise auf Ihren Wunsch gelöscht. Kontaktieren Sie uns erneut über den Shop, wenn Sie weiterhin Hilfe benötigen.",
  email_greeting: "Guten Tag,",
  receipt_subject: "Wir haben Ihre Nachricht {reference} erhalten",
  receipt_thanks: "Vielen Dank, dass Sie {shop} kontaktiert haben. Wir haben Ihre Nachricht erhalten und antworten Ihnen per E-Mail.",
  receipt_reference: "Ihre Vorgangsnummer: {reference}",
  receipt_promise_open: "Unsere übliche Antwortzeit beträgt {duration}.",
  receipt_promise_closed: "Wir sind gerade nicht erreichbar; Sie erhalten eine Antwort bis spätestens {date} ({timeZone}).",
  receipt_link_intro: "Hier können Sie die Unterhaltung lesen oder Angaben ergänzen (kein Kundenkonto nötig):",
  receipt_not_you: "Falls Sie uns nicht geschrieben haben, können Sie diese E-Mail ignorieren.",
  reply_subject: "Re: {subject} [{reference}]",
  reply_link_intro: "Um zu antworten, öffnen Sie die Unterhaltung {reference} (Antworten auf diese E-Mail erreichen uns möglicherweise nicht):",
  csat_email_subject: "Wie zufrieden waren Sie mit uns? [{reference}]",
  csat_email_intro: "Wir haben Ihre Unterhaltung {reference} („{subject}“) abgeschlossen. Wie bewerten Sie unsere Hilfe?",
  csat_email_pick: "Wählen Sie eine Bewertung und fügen Sie bei Bedarf einen Kommentar hinzu. Das dauert nur wenige Sekunden.",
  csat_email_more_help: "Benötigen Sie weitere Hilfe? Antworten Sie in der Unterhaltung, dann wird sie wieder geöffnet:",
};

const es: ShopperCatalogue = {
  thread_heading: "Su conversación con {shop}",
  thread_reference: "Referencia {reference}",
  status_open: "Pendiente de nuestra respuesta",
  status_pending: "Le hemos respondido",
  status_closed: "Cerrada (escriba abajo para reabrirla)",
  notice_sent: "Gracias, hemos añadido su mensaje. Le responderemos por correo electrónico.",
  notice_rate_limited: "Ha enviado varios mensajes en poco tiempo. Espere unos minutos y vuelva a intentarlo.",
  notice_reply_invalid: "Su mensaje no se ha enviado: revise los campos de abajo.",
  thread_messages_label: "Mensajes, del más antiguo al más reciente",
  author_you: "Usted",
  author_team: "Atención al cliente de {shop}",
  photo_attached: "Foto adjunta ({type}, {size})",
  reply_heading: "Responder",
  reply_label: "Su mensaje",
  photo_label: "Foto (opcional)",
  photo_hint: "JPEG, PNG o WebP, hasta {size}.",
  reply_send: "Enviar",
  error_message_required: "Escriba su mensaje.",
  error_message_too_long: "Su mensaje no debe superar los {max} caracteres.",
  error_message_other: "Revise su mensaje.",
  error_photo_type: "Adjunte una imagen JPEG, PNG o WebP.",
  error_photo_too_large: "La foto no debe superar los {size}.",
  error_photo_other: "Revise la foto.",
  csat_title: "¿Cómo valora nuestra ayuda?",
  csat_intro: "Su conversación {reference} con {shop}",
  csat_invalid: "Su respuesta no se ha enviado: revise los campos de abajo.",
  csat_rating_legend: "Su valoración",
  csat_label_1: "Muy mala",
  csat_label_2: "Mala",
  csat_label_3: "Aceptable",
  csat_label_4: "Buena",
  csat_label_5: "Excelente",
  csat_error_rating: "Elija una valoración del 1 al 5.",
  csat_error_comment_too_long: "Su comentario no debe superar los {max} caracteres.",
  csat_comment_label: "¿Desea añadir algo más? (opcional)",
  csat_send: "Enviar mi respuesta",
  csat_thanks_title: "Gracias",
  csat_thanks_heading: "Gracias por su respuesta",
  csat_thanks_rating: "Ha valorado con un {rating} de 5 ({label}) nuestra ayuda en la conversación {reference}.",
  csat_thanks_reads: "{shop} lee todas las respuestas.",
  link_invalid_title: "Este enlace no funciona",
  link_invalid_text:
    "Es posible que el enlace esté incompleto o se haya modificado. Ábralo de nuevo desde nuestro correo más reciente o vuelva a contactarnos desde la tienda.",
  link_expired_title: "Este enlace ha caducado",
  link_expired_text:
    "Para proteger su privacidad, los enlaces a una conversación solo funcionan durante un tiempo limitado. Use el enlace de nuestro correo más reciente o vuelva a contactarnos desde la tienda.",
  link_not_found_title: "Esta conversación ya no está disponible",
  link_not_found_text: "Es posible que se haya eliminado a petición suya. Vuelva a contactarnos desde la tienda si todavía necesita ayuda.",
  email_greeting: "Hola:",
  receipt_subject: "Hemos recibido su mensaje {reference}",
  receipt_thanks: "Gracias por ponerse en contacto con {shop}. Hemos recibido su mensaje y le responderemos por correo electrónico.",
  receipt_reference: "Su referencia: {reference}",
  receipt_promise_open: "Normalmente respondemos en un plazo de {duration}.",
  receipt_promise_closed: "En este momento estamos cerrados; recibirá una respuesta antes del {date} ({timeZone}).",
  receipt_link_intro: "Para leer la conversación o añadir detalles (no necesita una cuenta):",
  receipt_not_you: "Si no nos ha escrito, puede ignorar este correo.",
  reply_subject: "Re: {subject} [{reference}]",
  reply_link_intro: "Para responder, abra la conversación {reference} (es posible que las respuestas a este correo no nos lleguen):",
  csat_email_subject: "¿Cómo valora nuestra ayuda? [{reference}]",
  csat_email_intro: "Hemos cerrado su conversación {reference} («{subject}»). ¿Cómo valoraría nuestra ayuda?",
  csat_email_pick: "Elija una valoración y, si lo desea, añada un comentario. Solo le llevará unos segundos.",
  csat_email_more_help: "¿Necesita más ayuda? Responda en la conversación y se volverá a abrir:",
};

export const SHOPPER_MESSAGES: { readonly [L in ShopperLocale]: ShopperCatalogue } = Object.freeze({ en, fr, de, es });

/** The {name} slots of a template, from the English one. */
type Slots<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Slots<Rest> : never;
type SlotsOf<K extends ShopperMessageKey> = Slots<(typeof en)[K]>;
export type ShopperMessageValues<K extends ShopperMessageKey> = { readonly [S in SlotsOf<K>]: string | number };

/**
 * Fills each {name} with its value, in one pass: a value that itself contains "{…}" stays as it
 * is. A slot without a value is left visible rather than silently dropped.
 */
export function interpolate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : slot));
}

/** A message by key in one language; the values a message needs are required by its type. */
export type ShopperText = <K extends ShopperMessageKey>(
  key: K,
  ...values: [SlotsOf<K>] extends [never] ? [] : [ShopperMessageValues<K>]
) => string;

export function shopperText(locale: ShopperLocale): ShopperText {
  const catalogue = SHOPPER_MESSAGES[locale];
  return (key, ...values) => interpolate(catalogue[key], values[0] ?? {});
}

const CSAT_LABEL_KEYS = { 1: "csat_label_1", 2: "csat_label_2", 3: "csat_label_3", 4: "csat_label_4", 5: "csat_label_5" } as const;

/** The word for a 1–5 rating; "" for anything else. */
export function csatLabel(locale: ShopperLocale, rating: number): string {
  const key = CSAT_LABEL_KEYS[rating as keyof typeof CSAT_LABEL_KEYS];
  return key ? SHOPPER_MESSAGES[locale][key] : "";
}

// ---- numbers, sizes, durations and dates, as the shopper's language writes them ---------------------

export const formatShopperNumber = (value: number, locale: ShopperLocale) => new Intl.NumberFormat(locale).format(value);

/** "12 kB" / "12 ko", "2.5 MB" / "2,5 Mo"; never 0 for a file that exists. */
export function formatShopperFileSize(bytes: number, locale: ShopperLocale): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "megabyte"] : [Math.max(1, Math.round(bytes / 1024)), "kilobyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/**
 * A response-time promise as the contact block words it before sending (rounded up, so we never
 * promise sooner than the target): minutes under an hour, hours under a day, else days.
 */
export function formatShopperDuration(minutes: number, locale: ShopperLocale): string {
  const whole = Math.max(0, Math.ceil(minutes));
  const [value, unit] = whole < 60 ? [whole, "minute"] : whole < 1440 ? [Math.ceil(whole / 60), "hour"] : [Math.ceil(whole / 1440), "day"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** A moment in the shop's time zone; an unknown zone falls back to UTC, said so. */
export function formatShopperDateTime(date: Date, locale: ShopperLocale, timeZone: string): string {
  const format = (zone: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(date);
  try {
    return format(timeZone);
  } catch {
    return `${format("UTC")} UTC`;
  }
}
