import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "../../../../../../app/features/returns/domain/photos";
import {
  ATTACHMENT_URL_TTL_SECONDS,
  checkContactForm,
  CsatAnswerSchema,
  isTicketReference,
  newTicketReference,
  REFERENCE_ALPHABET,
  signAttachmentUrl,
  signTicketToken,
  storefrontTicketUrl,
  subjectFromMessage,
  SUBJECT_MAX,
  TICKET_LINK_TTL_MS,
  verifyAttachmentSignature,
  verifyTicketToken,
} from "../../../../../../app/features/tickets/domain/tickets";

const SECRET = "test-secret";
const SHOP = "harbor-demo.myshopify.com";
const OTHER_SHOP = "other-store.myshopify.com";
const NOW = new Date("2026-11-23T15:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const thread = (ticketId = "clticket123") => signTicketToken(SECRET, { shop: SHOP, ticketId, purpose: "thread" }, NOW);
const verifyThread = (token: string | null, at = NOW, shop = SHOP) => verifyTicketToken(SECRET, token, { shop, purpose: "thread" }, at);

describe("signed ticket links", () => {
  it("GIVEN a thread token for a ticket THEN it opens that ticket in the same shop", () => {
    expect(verifyThread(thread("clabc"))).toEqual({ ok: true, ticketId: "clabc" });
  });

  it("GIVEN a token 59 days old THEN it still opens the ticket", () => {
    expect(verifyThread(thread(), later(59 * DAY))).toMatchObject({ ok: true });
  });

  it("GIVEN a token at its expiry instant THEN it has expired", () => {
    expect(verifyThread(thread(), later(TICKET_LINK_TTL_MS))).toEqual({ ok: false, reason: "expired" });
  });

  it("GIVEN a token for another shop THEN it is invalid here", () => {
    expect(verifyThread(thread(), NOW, OTHER_SHOP)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN a survey token THEN it does not open the thread", () => {
    const csat = signTicketToken(SECRET, { shop: SHOP, ticketId: "clticket123", purpose: "csat" }, NOW);
    expect(verifyThread(csat)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the ticket id swapped for another THEN it is invalid", () => {
    const [, exp, sig] = thread("clmine").split(".");
    expect(verifyThread(`clsomeoneelse.${exp}.${sig}`)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the expiry pushed later THEN it is invalid, not merely expired", () => {
    const [id, exp, sig] = thread().split(".");
    expect(verifyThread(`${id}.${Number(exp) + 999_999}.${sig}`, later(TICKET_LINK_TTL_MS + DAY))).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN one character of the signature changed THEN it is invalid", () => {
    const token = thread();
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(verifyThread(token.slice(0, -1) + last)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN a token signed with another secret THEN it is invalid", () => {
    const forged = signTicketToken("not-the-secret", { shop: SHOP, ticketId: "clticket123", purpose: "thread" }, NOW);
    expect(verifyThread(forged)).toEqual({ ok: false, reason: "invalid" });
  });

  it.each([null, "", "abc", "a.b", "a.b.c.d", "../x.1.sig", `cl1.12x.${"A".repeat(43)}`, `cl1.1.${"A".repeat(44)}`, `${"a".repeat(65)}.1.${"A".repeat(43)}`])(
    "GIVEN the malformed token %j THEN it is invalid",
    (token) => {
      expect(verifyThread(token)).toEqual({ ok: false, reason: "invalid" });
    },
  );

  it("GIVEN a shop domain and a token THEN the link points at the storefront's app proxy", () => {
    expect(storefrontTicketUrl({ domain: SHOP, proxyPath: "/apps/support" }, "csat", "cl1.2.sig", { rating: "5" })).toBe(`https://${SHOP}/apps/support/csat?t=cl1.2.sig&rating=5`);
  });

  it("GIVEN a shop that moved the app proxy to /tools/help THEN the link uses that path", () => {
    expect(storefrontTicketUrl({ domain: SHOP, proxyPath: "/tools/help" }, "ticket", "cl1.2.sig")).toBe(`https://${SHOP}/tools/help/ticket?t=cl1.2.sig`);
  });
});

describe("attachment URLs for the admin", () => {
  const query = (url: string) => new URL(url, "https://app.example").searchParams;

  it("GIVEN a signed URL THEN it verifies for its message and names the shop", () => {
    const url = signAttachmentUrl(SECRET, { shop: SHOP, messageId: "clmsg1" }, NOW);
    expect(url).toMatch(/^\/app\/inbox\/attachments\/clmsg1\?shop=/);
    expect(verifyAttachmentSignature(SECRET, "clmsg1", query(url), NOW)).toEqual({ ok: true, shop: SHOP });
  });

  it("GIVEN the URL of one message used for another THEN it is invalid", () => {
    const url = signAttachmentUrl(SECRET, { shop: SHOP, messageId: "clmsg1" }, NOW);
    expect(verifyAttachmentSignature(SECRET, "clmsg2", query(url), NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the shop swapped in the URL THEN it is invalid", () => {
    const params = query(signAttachmentUrl(SECRET, { shop: SHOP, messageId: "clmsg1" }, NOW));
    params.set("shop", OTHER_SHOP);
    expect(verifyAttachmentSignature(SECRET, "clmsg1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the URL after its lifetime THEN it has expired", () => {
    const url = signAttachmentUrl(SECRET, { shop: SHOP, messageId: "clmsg1" }, NOW);
    expect(verifyAttachmentSignature(SECRET, "clmsg1", query(url), later(ATTACHMENT_URL_TTL_SECONDS * 1000))).toEqual({ ok: false, reason: "expired" });
  });
});

describe("references", () => {
  it("GIVEN the random draws THEN the reference is HS- and six characters of the alphabet", () => {
    let n = 0;
    expect(newTicketReference(() => n++)).toBe("HS-ABCDEF");
  });

  it("GIVEN many references THEN each is well formed and none uses 0, O, 1 or I", () => {
    const references = Array.from({ length: 500 }, () => newTicketReference());
    expect(references.every(isTicketReference)).toBe(true);
    expect(references.join("")).not.toMatch(/[0O1I]/);
    expect(REFERENCE_ALPHABET).toHaveLength(32);
  });

  it.each(["HS-4K7P2", "HS-4K7P2QQ", "hs-4k7p2q", "HS-4K7P0Q", "R-4K7P2Q"])("GIVEN %s THEN it is not a ticket reference", (value) => {
    expect(isTicketReference(value)).toBe(false);
  });
});

describe("subjects from the message", () => {
  it("GIVEN a short message THEN it is the subject, whitespace collapsed", () => {
    expect(subjectFromMessage("  Where is\n\nmy   order?  ")).toBe("Where is my order?");
  });

  it("GIVEN a long message THEN the subject stops at a word within the limit and ends with an ellipsis", () => {
    const subject = subjectFromMessage("My parcel was supposed to arrive last Tuesday but the tracking page has not changed since the twelfth, please help");
    expect(subject).toBe("My parcel was supposed to arrive last Tuesday but the…");
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
  });

  it("GIVEN one enormous word THEN it is cut at the limit", () => {
    const subject = subjectFromMessage("x".repeat(500));
    expect(subject).toBe(`${"x".repeat(SUBJECT_MAX - 1)}…`);
  });
});

const VALID = {
  name: "Liam O'Connor",
  email: "Liam.OConnor@Example.com",
  topic: "order_status",
  order: "1017",
  message: "Where is my order? It has been two weeks.",
  elapsed: "8000",
  website: "",
  visitor: "2f1c9a8e-5b7d-4c3e-9a1f-0d2e3f4a5b6c",
  locale: "fr",
};

describe("the contact form", () => {
  it("GIVEN a complete form THEN it is accepted with the email lower-cased and the order named as Shopify names it", () => {
    const verdict = checkContactForm(VALID, null);
    expect(verdict).toMatchObject({ kind: "ok", attachment: null, form: { email: "liam.oconnor@example.com", order: "#1017", topic: "order_status", locale: "fr" } });
  });

  it("GIVEN the honeypot filled THEN it is spam, whatever else the form says", () => {
    expect(checkContactForm({ ...VALID, website: "http://spam.example", email: "nope" }, null)).toEqual({ kind: "spam" });
  });

  it.each([["2999"], ["0"], ["-5"], [undefined], ["soon"], ["Infinity"]])("GIVEN elapsed %j THEN it is too fast", (elapsed) => {
    expect(checkContactForm({ ...VALID, elapsed }, null)).toEqual({ kind: "too_fast" });
  });

  it("GIVEN exactly three seconds THEN it is not too fast", () => {
    expect(checkContactForm({ ...VALID, elapsed: "3000" }, null).kind).toBe("ok");
  });

  it("GIVEN no fields at all THEN each required field reports required", () => {
    const verdict = checkContactForm({ elapsed: "5000" }, null);
    expect(verdict).toEqual({ kind: "invalid", fields: { name: "required", email: "required", topic: "required", message: "required" } });
  });

  it("GIVEN blanks and spaces only THEN they count as missing", () => {
    const verdict = checkContactForm({ ...VALID, name: "   ", message: " \n\t " }, null);
    expect(verdict).toEqual({ kind: "invalid", fields: { name: "required", message: "required" } });
  });

  it.each([
    [{ email: "liam@" }, { email: "email" }],
    [{ email: `${"a".repeat(250)}@example.com` }, { email: "too_long" }],
    [{ topic: "refund_me_now" }, { topic: "topic" }],
    [{ name: "n".repeat(101) }, { name: "too_long" }],
    [{ message: "Help me!" }, { message: "too_short" }],
    [{ message: "m".repeat(5001) }, { message: "too_long" }],
  ])("GIVEN %j THEN the field reports %j", (change, fields) => {
    expect(checkContactForm({ ...VALID, ...change }, null)).toEqual({ kind: "invalid", fields });
  });

  it("GIVEN a message of exactly 5000 characters THEN it is accepted", () => {
    expect(checkContactForm({ ...VALID, message: "m".repeat(5000) }, null).kind).toBe("ok");
  });

  it("GIVEN a text file as the attachment THEN it is refused as photo_type", () => {
    expect(checkContactForm(VALID, new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({ kind: "invalid", fields: { attachment: "photo_type" } });
  });

  it("GIVEN an attachment over 5 MB THEN it is refused as photo_too_large", () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(PNG);
    expect(checkContactForm(VALID, big)).toEqual({ kind: "invalid", fields: { attachment: "photo_too_large" } });
  });

  it("GIVEN a PNG THEN it is accepted with its sniffed type", () => {
    const verdict = checkContactForm(VALID, PNG);
    expect(verdict.kind === "ok" && verdict.attachment?.type).toBe("image/png");
  });

  it("GIVEN both a bad field and a bad attachment THEN both are reported", () => {
    expect(checkContactForm({ ...VALID, email: "x" }, new Uint8Array([1, 2, 3]))).toEqual({ kind: "invalid", fields: { email: "email", attachment: "photo_type" } });
  });

  it("GIVEN an order field that is not an order name THEN it is dropped, not refused", () => {
    const verdict = checkContactForm({ ...VALID, order: "my last one please" }, null);
    expect(verdict).toMatchObject({ kind: "ok", form: { order: null } });
  });

  it("GIVEN a malformed visitor id and locale THEN they are ignored rather than refused", () => {
    const verdict = checkContactForm({ ...VALID, visitor: "<script>", locale: "../../etc" }, null);
    expect(verdict).toMatchObject({ kind: "ok", form: { visitor: undefined, locale: "en" } });
  });

  it.each([
    ["fr-CA", "fr"],
    ["DE", "de"],
    [" es-419 ", "es"],
    ["pt-BR", "en"],
    ["", "en"],
  ])("GIVEN the storefront locale %j THEN the ticket keeps the language %j", (locale, language) => {
    expect(checkContactForm({ ...VALID, locale }, null)).toMatchObject({ kind: "ok", form: { locale: language } });
  });

  it("GIVEN no locale at all THEN the ticket is in English", () => {
    const { locale: _omitted, ...fields } = VALID;
    expect(checkContactForm(fields, null)).toMatchObject({ kind: "ok", form: { locale: "en" } });
  });
});

describe("the survey answer", () => {
  it.each([["0"], ["6"], ["4.5"], ["five"], [""]])("GIVEN the rating %j THEN it is refused", (rating) => {
    expect(CsatAnswerSchema.safeParse({ rating }).success).toBe(false);
  });

  it("GIVEN a rating and a blank comment THEN the comment is stored as none", () => {
    expect(CsatAnswerSchema.parse({ rating: "4", comment: "   " })).toEqual({ rating: 4, comment: null });
  });

  it("GIVEN a comment over 1000 characters THEN it is refused", () => {
    expect(CsatAnswerSchema.safeParse({ rating: "5", comment: "c".repeat(1001) }).success).toBe(false);
  });
});
