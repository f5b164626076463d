// Requests to the app proxy (`data-endpoint`, e.g. /apps/support/returns). Shopify signs the query
// string, never the body, so whatever the server must trust before reading the body goes in the query.
import { visitor } from "./visitor";

/** An answer: the HTTP status (0 offline) and the JSON body (null when there is none). */
export type Answer<T> = { status: number; body: T | null; headers: Headers | null };

/** `url` with `params` appended to its query string, each value encoded. */
export function withQuery(url: string, params: Record<string, string>): string {
  let out = url;
  for (const [k, v] of Object.entries(params)) out += (out.includes("?") ? "&" : "?") + k + "=" + encodeURIComponent(v);
  return out;
}

/** Sends a request; never throws. */
export async function call<T>(url: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const res = await fetch(url, init);
    return { status: res.status, body: ((await res.json().catch(() => null)) as T | null) ?? null, headers: res.headers };
  } catch {
    return { status: 0, body: null, headers: null };
  }
}

/** GET `endpoint + path` in the shopper's language; the JSON body, or null for any failure. */
export async function getJson<T>(endpoint: string, path: string, locale: string | undefined): Promise<T | null> {
  const { status, body } = await call<T>(withQuery(endpoint + path, { locale: String(locale) }));
  return status >= 200 && status < 300 ? body : null;
}

/** JSON headers for a POST body made with JSON.stringify. */
export const JSON_HEADERS = { "Content-Type": "application/json" };

/** The self-service events the dashboard counts (app/services/self-service-events.server.ts). */
export type StorefrontEvent =
  | { type: "faq_view"; article: string }
  | { type: "faq_search"; query: string; results: number }
  | { type: "faq_vote"; article: string; helpful: boolean }
  | { type: "deflected"; article: string }
  | { type: "launcher_open" };

/** An event's body as sent: the event and the visitor id. */
export const eventBody = (event: StorefrontEvent) => ({ ...event, visitor: visitor() });

/** Reports an event; keepalive lets it finish while the shopper leaves the page. Failures are ignored. */
export function sendEvent(endpoint: string, event: StorefrontEvent): void {
  const body = JSON.stringify(eventBody(event));
  fetch(endpoint + "/events", { method: "POST", keepalive: true, headers: JSON_HEADERS, body }).catch(() => {});
}
