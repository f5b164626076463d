import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/** Shopify opens the app at its root with `shop` and `host`; the embedded admin lives under /app. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return new Response(
    "Harbor Support is a Shopify app: open it from your store's admin (Apps → Harbor Support).",
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
};
