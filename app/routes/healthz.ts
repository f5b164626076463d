/** Liveness for load balancers: answers without touching the database or Shopify. */
export const loader = () => new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
