import { z } from "zod";

/** A shop as Shopify names it in signed requests: `<handle>.myshopify.com`, nothing else. */
export const ShopDomainSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i);
