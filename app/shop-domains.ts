import type { DomainTransformation } from "@shopify/shopify-api";

/**
 * Shop domains the library accepts beyond *.myshopify.com (e.g. a test platform's own domain).
 * shopify-api 15 dropped `customShopDomains`; an identity `domainTransformations` entry is what
 * replaced it: the library adds both sides of a transformation to the domains it validates
 * (lib/utils/shop-validator.mjs, domain-transformer.mjs).
 */
export function customDomainTransformations(domain: string | undefined): DomainTransformation[] | undefined {
  if (!domain) return undefined;
  const escaped = domain.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [{ match: new RegExp(`^([a-zA-Z0-9][a-zA-Z0-9-_]*)\\.${escaped}$`), transform: `$1.${domain}` }];
}
