// The anonymous id every Harbor block shares, so the dashboard can tell self-service from tickets.
// The key is the one the hand-written scripts used: existing visitors keep their id.
import { load, save } from "./storage";

const KEY = "harbor-support:visitor";

/** A random id (crypto.randomUUID needs a secure context; the fallback is long enough for the server). */
const newId = () => crypto.randomUUID?.() ?? Math.random().toString(36).slice(2) + Date.now().toString(36);

/** The visitor id, made on first use. */
export function visitor(): string {
  let id = load(KEY);
  if (!id) save(KEY, (id = newId()));
  return id;
}
