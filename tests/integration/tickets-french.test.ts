import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTicketToken } from "../../app/features/tickets/domain/tickets";
import { DEMO_CREDENTIALS, DEMO_SHOP, type Harness } from "../helpers/harness";
import { startTicketsApp, ticketsKit, type Smtp, type Outcome } from "../helpers/tickets";

/**
 * A French shopper's ticket through the built app: the contact form, the receipt and replies
 * (captured by a real SMTP server), the thread page and the survey, all in French.
 */

let harness: Harness;
let smtp: Smtp;
beforeAll(async () => ({ harness, smtp } = await startTicketsApp()));
afterAll(async () => {
  await harness?.close();
  await smtp?.stop();
});

const { contact, ticketByReference, linkInEmail, onStorefront, postForm } = ticketsKit(() => harness);

// ---------------------------------------------------------------------------------------------

/** The Subject header as a mail client shows it: unfolded, with its RFC 2047 encoded words decoded. */
function decodedSubject(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const subject = headers.match(/^Subject: (.*)$/im)?.[1] ?? "";
  const qBytes = (text: string) => Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
  return subject
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      (encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : qBytes(text)).toString("utf8"),
    );
}

describe("a French shopper's ticket", () => {
  const CLAIRE = { name: "Claire Dubois", email: "claire.dubois@example.com" };
  let id: string;
  let reference: string;

  beforeAll(async () => {
    const { status, body } = await contact({
      ...CLAIRE,
      topic: "product",
      locale: "fr",
      message: "Bonjour, cette veste existe-t-elle en bleu marine ? Merci d'avance.",
    });
    expect(status).toBe(201);
    const ticket = await ticketByReference(body.reference);
    id = ticket.id;
    reference = ticket.reference;
  });

  it("GIVEN the contact form sent in French THEN the ticket keeps French as its language", async () => {
    expect(await harness.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({ locale: "fr", customerEmail: CLAIRE.email });
  });

  it("GIVEN the French ticket THEN the receipt's subject is French, over SMTP too", async () => {
    const receipt = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_received" } });
    expect(receipt).toMatchObject({ status: "sent", subject: `Nous avons bien reçu votre message ${reference}` });
    const mail = smtp.received.filter((m) => m.to.includes(CLAIRE.email)).at(-1);
    expect(decodedSubject(mail!.raw)).toBe(`Nous avons bien reçu votre message ${reference}`);
  });

  it("GIVEN the French receipt THEN its body is French, with the reference, the promise and the link, and not the message", async () => {
    const { text } = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_received" } });
    expect(text).toMatch(/^Bonjour,\n\nMerci d'avoir contacté .+\. Nous avons bien reçu votre message et vous répondrons par e-mail\./);
    expect(text).toContain(`Votre référence : ${reference}`);
    expect(text).toMatch(/Nous répondons généralement dans un délai de \d+\s(minutes?|heures?|jours?)\.|Nous sommes fermés pour le moment ; vous recevrez une réponse au plus tard le \d{1,2}\s/);
    expect(text).toContain("Pour consulter la conversation ou ajouter des précisions (aucun compte nécessaire) :");
    expect(text).toContain("Si vous ne nous avez pas écrit, vous pouvez ignorer cet e-mail.");
    expect(text).not.toMatch(/Hello|Thanks for contacting|bleu marine/);
    expect((await linkInEmail(id, "ticket_received", "ticket")).searchParams.get("lang")).toBe("fr");
  });

  it("GIVEN the receipt's link opened through the storefront THEN the conversation page is in French", async () => {
    const response = await fetch(onStorefront(await linkInEmail(id, "ticket_received", "ticket")));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<h1>Votre conversation avec .+<\/h1>/);
    expect(html).toContain(`Référence <strong>${reference}</strong> · En attente de notre réponse`);
    expect(html).toContain("<strong>Vous</strong>");
    expect(html).toMatch(/<time datetime="[^"]+">\d{1,2}\s[a-zéû]+\.?\s\d{4}/);
    expect(html).toContain("cette veste existe-t-elle en bleu marine ? Merci d&#39;avance.");
    expect(html).toContain('<label for="message">Votre message</label>');
    expect(html).toContain('<button type="submit">Envoyer</button>');
    expect(html).not.toMatch(/Your conversation|Your message|Waiting for our reply/);
  });

  it("GIVEN an empty answer on the French page THEN the error is in French", async () => {
    const form = new FormData();
    form.set("message", " ");
    const response = await fetch(onStorefront(await linkInEmail(id, "ticket_received", "ticket")), { method: "POST", body: form });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<p id="message-error" class="error">Écrivez votre message.</p>');
    expect(html).toContain("Votre message n&#39;a pas été envoyé : vérifiez les champs ci-dessous.");
  });

  it("GIVEN the French link after it expired THEN the 403 page says so in French", async () => {
    const token = signTicketToken(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, ticketId: id, purpose: "thread" }, new Date(Date.now() - 61 * 24 * 3_600_000));
    const response = await fetch(`${harness.shop.url}/apps/support/ticket?t=${encodeURIComponent(token)}&lang=fr`);
    const html = await response.text();
    expect(response.status).toBe(403);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Ce lien a expiré</h1>");
  });

  it("GIVEN staff reply THEN the email around their words is French", async () => {
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "reply"],
      ["message", "Bonjour Claire, oui : elle arrive en bleu marine la semaine prochaine."],
    ]);
    expect(status).toBe(200);
    const reply = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_reply" } });
    expect(reply.subject).toMatch(new RegExp(`^Re: Bonjour, cette veste .+ \\[${reference}\\]$`));
    expect(reply.text).toContain(`Pour répondre, ouvrez la conversation ${reference} (les réponses à cet e-mail pourraient ne pas nous parvenir) :`);
  });

  it("GIVEN staff close the French ticket THEN the survey email is in French with a link per rating", async () => {
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [["intent", "close"]]);
    expect(status).toBe(200);
    const survey = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_csat" } });
    expect(survey.subject).toBe(`Qu'avez-vous pensé de notre aide ? [${reference}]`);
    expect(decodedSubject(smtp.received.filter((m) => m.to.includes(CLAIRE.email)).at(-1)!.raw)).toBe(survey.subject);
    expect(survey.text).toMatch(/^Bonjour,\n\nNous avons clôturé votre conversation HS-\w+ \(« Bonjour, cette veste .+ »\)\. Comment évalueriez-vous notre aide \?/);
    expect(survey.text).toMatch(/^5 – Excellent: https:\/\/\S+\/apps\/support\/csat\?t=\S+&rating=5&lang=fr$/m);
    expect(survey.text).toMatch(/^1 – Très mauvais: \S+&rating=1&lang=fr$/m);
    expect(survey.text).toContain("Besoin d'aide supplémentaire ? Répondez dans la conversation et elle sera rouverte :");
    expect(survey.text).not.toMatch(/How would you rate|Very poor/);
  });

  it("GIVEN the survey's link THEN the survey page is in French with the rating chosen", async () => {
    const link = await linkInEmail(id, "ticket_csat", "csat");
    link.searchParams.set("rating", "4");
    const html = await (await fetch(onStorefront(link))).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Qu&#39;avez-vous pensé de notre aide ?</h1>");
    expect(html).toContain('value="4" required checked> 4 – Bien');
    expect(html).toContain('<button type="submit">Envoyer ma réponse</button>');
  });
});
