import { z } from "zod";
import type { Db } from "../../db-client.server";
import { faqContext } from "./domain/context";
import { markdownToHtml, markdownToText } from "./domain/markdown";
import { renderFaqAnswer } from "./domain/template";
import { FAQ_LOCALES, type FaqLocale } from "./domain/types";
import { formatResponseTime } from "../../lib/format";
import { promiseFor } from "../tickets/domain/sla";
import { categoryTitles, faqRevision, listFaq } from "./repo.server";
import { currentReturnPolicy, policyRevision } from "../policies/repo.server";
import type { AdminGraphql } from "../../shopify.server";
import { shopProfile, type ShopProfile } from "../shop/profile.server";
import { isOpenNow, supportProfile, topicPromises, type SupportProfile } from "../policies/support-settings.server";

/**
 * What the storefront blocks read: the published FAQ with live policy values filled in, and the
 * policy summary (proxy.server.ts answers them cache-friendly). The rendered FAQ is kept per shop
 * and language until the FAQ or a policy changes (the revision is read on every request, which is cheap).
 */

export const LocaleQuerySchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.split("-")[0]!)
  .pipe(z.enum(FAQ_LOCALES))
  .catch("en");

export type StorefrontFaq = {
  locale: FaqLocale;
  categories: { handle: string; title: string; articles: { handle: string; question: string; answerHtml: string; answerText: string }[] }[];
};

const faqCache = new Map<string, { revision: string; body: StorefrontFaq }>();

type ContentContext = { db: Db; shop: string; graphql: AdminGraphql; now: Date };

async function profiles(ctx: ContentContext): Promise<{ shop: ShopProfile; support: SupportProfile }> {
  const shop = await shopProfile(ctx.graphql, ctx.shop);
  return { shop, support: await supportProfile(ctx.db, ctx.shop, shop.timeZone, ctx.now) };
}

/** The FAQ's values, as answers quote them. */
export async function liveFaqContext(ctx: ContentContext) {
  const [{ shop, support }, returns] = await Promise.all([profiles(ctx), currentReturnPolicy(ctx.db, ctx.shop)]);
  return faqContext({
    shop: { name: shop.name, email: shop.contactEmail, currency: shop.currency },
    returns,
    shipping: support.shipping,
    peak: support.peak,
    support: {
      hours: support.hoursText,
      // A general question's promise; urgent problems are P1.
      responseTime: formatResponseTime(promiseFor("other", support.sla, ctx.now, { peak: support.peak }).minutes),
      urgentResponseTime: formatResponseTime(support.settings.targets.P1.firstResponseMinutes),
    },
  });
}

/** An answer as the storefront shows it; a template that no longer renders shows nothing rather than a broken text. */
export function renderAnswer(source: string, context: Parameters<typeof renderFaqAnswer>[1]): { html: string; text: string } | null {
  const rendered = renderFaqAnswer(source, context);
  if (!rendered.ok) return null;
  return { html: markdownToHtml(rendered.text), text: markdownToText(rendered.text) };
}

export async function storefrontFaq(ctx: ContentContext, locale: FaqLocale): Promise<StorefrontFaq> {
  // Peak season turning on or off changes answers that quote it, without any save.
  const { peak } = (await profiles(ctx)).support;
  const revision = `${await faqRevision(ctx.db, ctx.shop)}|${await policyRevision(ctx.db, ctx.shop)}|${peak}`;
  const key = `${ctx.shop}|${locale}`;
  const cached = faqCache.get(key);
  if (cached?.revision === revision) return cached.body;
  const [categories, context] = await Promise.all([listFaq(ctx.db, ctx.shop, { publishedOnly: true }), liveFaqContext(ctx)]);
  const body: StorefrontFaq = {
    locale,
    categories: categories
      .map((category) => {
        const titles = categoryTitles(category);
        return {
          handle: category.handle,
          title: titles[locale] ?? titles.en ?? Object.values(titles)[0] ?? category.handle,
          articles: category.articles.flatMap((article) => {
            const translation =
              article.translations.find((t) => t.locale === locale) ?? article.translations.find((t) => t.locale === "en") ?? article.translations[0];
            const answer = translation && renderAnswer(translation.answer, context);
            return translation && answer ? [{ handle: article.handle, question: translation.question, answerHtml: answer.html, answerText: answer.text }] : [];
          }),
        };
      })
      .filter((category) => category.articles.length > 0),
  };
  faqCache.set(key, { revision, body });
  return body;
}

export async function storefrontPolicy(ctx: ContentContext) {
  const [{ shop, support }, returns] = await Promise.all([profiles(ctx), currentReturnPolicy(ctx.db, ctx.shop)]);
  const { shipping } = support;
  return {
    currency: shop.currency,
    returns: {
      windowDays: returns.windowDays,
      windowStartsAt: returns.windowStartsAt,
      resolutions: returns.resolutions,
      storeCreditBonusPercent: returns.storeCreditBonusPercent,
      restockingFeePercent: returns.restockingFeePercent,
      returnShipping: returns.returnShipping,
    },
    shipping: {
      processingDays: shipping.processingDays,
      carriers: shipping.carriers,
      regions: shipping.regions,
      freeShippingThreshold: shipping.freeShippingThreshold,
      peak: support.peak ? { message: shipping.peakSeason.message, cutoffs: shipping.peakSeason.cutoffs } : null,
    },
    support: {
      openNow: isOpenNow(support, ctx.now),
      hours: support.hoursText,
      timeZone: support.timeZone,
      topics: topicPromises(support, ctx.now),
    },
  };
}
