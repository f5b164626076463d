/**
 * Admin links for requests that carry no session token (<img> sources, downloads): valid for one
 * shop, one resource and a few minutes, signed with the app's secret. Framework-free; time is
 * passed in.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ShopDomainSchema } from "./shop-domain";

export type SignatureVerdict = { ok: true; shop: string } | { ok: false; reason: "invalid" | "expired" };

const SignedQuerySchema = z.object({
  shop: ShopDomainSchema,
  exp: z.string().regex(/^\d{1,12}$/).transform(Number),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/** Compares in constant time, so a forger learns nothing from how long a wrong signature takes. */
export function signaturesMatch(given: string, wanted: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Signed links to the resources under `path`. `purpose` prefixes the MAC, so a link for one kind of
 * resource never opens another, nor passes for any other token signed with the same secret.
 */
export function signedResourceLinks(purpose: string, path: string) {
  const mac = (secret: string, shop: string, id: string, exp: number) =>
    createHmac("sha256", secret).update(`${purpose}\n${shop}\n${id}\n${exp}`).digest("base64url");
  return {
    /** `<path>/<id>?shop=…&exp=…&sig=…`, valid for `ttlSeconds`. */
    sign(secret: string, shop: string, id: string, now: Date, ttlSeconds: number): string {
      const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
      const params = new URLSearchParams({ shop, exp: String(exp), sig: mac(secret, shop, id, exp) });
      return `${path}/${encodeURIComponent(id)}?${params}`;
    },
    /** Checks a link's query (shop, exp, sig) for the id in its path. */
    verify(secret: string, id: string, query: URLSearchParams, now: Date): SignatureVerdict {
      const parsed = SignedQuerySchema.safeParse({ shop: query.get("shop"), exp: query.get("exp"), sig: query.get("sig") });
      if (!parsed.success) return { ok: false, reason: "invalid" };
      const { shop, exp, sig } = parsed.data;
      if (!signaturesMatch(sig, mac(secret, shop, id, exp))) return { ok: false, reason: "invalid" };
      if (exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
      return { ok: true, shop };
    },
  };
}
