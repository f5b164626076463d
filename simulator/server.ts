import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { getOperationAST, parse } from "graphql";
import { parse as parseToml } from "smol-toml";
import { createAdminApi } from "./admin-api";
import { contentTypeOf } from "./content-type";
import { createTokenEndpoint } from "./oauth";
import { ALL_PROTECTED_DATA, topicNeedsApproval, type ProtectedDataGrant } from "./protected-data";
import { appProxySignature, sessionToken, verifySignedToken, webhookHmac } from "./signing";
import { createStore, type ShopFixture } from "./store";
import { blockAssetTags, escapeHtml, loadBlocks, renderPageBlocks } from "./storefront";
import { safeDecode } from "./url";

/**
 * The simulated shop: one HTTP server standing in for Shopify — the Admin GraphQL API on the real
 * 2026-10 schema, token exchange, a storefront that renders our theme blocks and forwards
 * /apps/support/* through a signed app proxy, an admin page embedding the app, and signed webhooks.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DEMO_FIXTURE = join(ROOT, "simulator/fixtures/demo-shop.json");

/** What a merchant would set in the theme editor: the blocks share one help page. */
const DEMO_BLOCK_SETTINGS: Record<string, Record<string, unknown>> = { "order-tracking": { returns_page: "/" } };

export type SimulatorOptions = {
  port?: number;
  /** The app's origin; may be given later with setAppUrl (the app may need this server's URL first). */
  appUrl?: string;
  apiKey: string;
  apiSecret: string;
  apiVersion: string;
  extensionsDir?: string;
  appConfigPath?: string;
  fixtures?: ShopFixture[];
  now?: () => Date;
  /** Deliver webhooks for store changes (on by default). */
  webhooks?: boolean;
  /** The scopes the shop granted; by default those `shopify.app.toml` asks for. */
  scopes?: string[];
  /** The protected customer data Shopify approved for the app; by default all of it (level 2). */
  protectedData?: ProtectedDataGrant;
  /** How long a new order stays out of search results (see AdminApiOptions.searchLagMs). */
  searchLagMs?: number;
  /**
   * Where the storefront serves the app proxy: the subpath prefix and subpath the merchant chose
   * (`/apps`, `/a`, `/community` or `/tools`, then any subpath). Default: the app's own
   * shopify.app.toml.
   */
  proxyPath?: string;
};

/** The prefixes Shopify lets a merchant pick for an app proxy. */
export const PROXY_PREFIXES = ["apps", "a", "community", "tools"] as const;

export type Faults = {
  /** Extra delay before each Admin API answer. */
  latencyMs: number;
  /** The next N Admin API requests answer this HTTP status (e.g. 503). */
  failNext: number;
  failStatus: number;
  /**
   * The next N mutations are carried out, then their answer is lost (see `loseMode`): the app
   * does not learn that Shopify committed the work.
   */
  loseNextMutation: number;
  /** "status": the app gets `loseStatus` (a gateway's 502 by default); "cut": the connection closes with no answer. */
  loseMode: "status" | "cut";
  loseStatus: number;
  /** For benchmarks: the share (0–1) of mutations refused with a 503 before any work. */
  mutationFailRate: number;
  /** For benchmarks: the share (0–1) of mutations carried out whose answer is then lost, as `loseMode` says. */
  mutationLoseRate: number;
  /** Seed of the generator the rates draw from, so a run can be repeated. */
  faultSeed: number;
  /**
   * Webhooks as Shopify delivers them, at least once: the share (0–1) of events also sent a second
   * time under a new X-Shopify-Webhook-Id with the same X-Shopify-Event-Id (Shopify's duplicate).
   */
  webhookDuplicateRate: number;
  /** Hold every delivery until `releaseWebhooks` sends them late, in the order it is given. */
  holdWebhooks: boolean;
};

/** The order held webhooks are released in: as sent, last first, or shuffled by the fault seed. */
export type ReleaseOrder = "sent" | "reverse" | "shuffle";
const RELEASE_ORDERS: ReadonlyArray<ReleaseOrder> = ["sent", "reverse", "shuffle"];

const LOSE_MODES: ReadonlyArray<Faults["loseMode"]> = ["status", "cut"];

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether the request's operation is a mutation; a document that does not parse is not. */
function isMutation(body: { query?: unknown; operationName?: unknown }): boolean {
  try {
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    return getOperationAST(parse(String(body.query ?? "")), operationName)?.operation === "mutation";
  } catch {
    return false;
  }
}

/** One Admin API call as the shop saw it: the operation, and its cost when it was executed (null actual: throttled). */
export type GraphqlCall = { shop: string; operation: string | null; requestedCost?: number; actualCost?: number | null };

export type WebhookDelivery = { topic: string; shop: string; id: string; eventId: string; status: number | "error" };

/** One delivery on its way: what Shopify signs and the headers naming the event. */
type Outgoing = { shop: string; topic: string; body: string; webhookId: string; eventId: string; triggeredAt: string };

export async function startSimulator(options: SimulatorOptions) {
  const now = options.now ?? (() => new Date());
  const store = createStore({ now });
  for (const fixture of options.fixtures ?? [JSON.parse(readFileSync(DEMO_FIXTURE, "utf8"))]) store.loadShop(fixture);
  const adminApi = createAdminApi(store, { now, searchLagMs: options.searchLagMs });
  const extensionsDir = options.extensionsDir ?? join(ROOT, "extensions");
  const appConfig = parseToml(readFileSync(options.appConfigPath ?? join(ROOT, "shopify.app.toml"), "utf8")) as AppConfig;
  let grantedScopes = options.scopes ?? appConfig.access_scopes.scopes.split(",").map((s) => s.trim());
  let protectedData = options.protectedData ?? ALL_PROTECTED_DATA;
  const tokens = createTokenEndpoint({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    now,
    grantedScopes: () => grantedScopes,
    staff: (shop) => store.getShopData(shop).staff,
  });
  const proxyPath = options.proxyPath ?? `/${appConfig.app_proxy.prefix}/${appConfig.app_proxy.subpath}`;
  const proxyPrefix = proxyPath.split("/")[1];
  if (!PROXY_PREFIXES.some((prefix) => prefix === proxyPrefix) || !/^\/[a-z]+\/[\w-]+$/.test(proxyPath)) {
    throw new Error(`App proxy path ${proxyPath}: Shopify allows /${PROXY_PREFIXES.join(", /")} then a subpath`);
  }
  const faults: Faults = {
    latencyMs: 0,
    failNext: 0,
    failStatus: 503,
    loseNextMutation: 0,
    loseMode: "status",
    loseStatus: 502,
    mutationFailRate: 0,
    mutationLoseRate: 0,
    faultSeed: 1,
    webhookDuplicateRate: 0,
    holdWebhooks: false,
  };
  let random = seededRandom(faults.faultSeed);
  let seededWith = faults.faultSeed;
  /** The next number in [0, 1) from the generator of the current `faultSeed`. */
  function draw(): number {
    if (faults.faultSeed !== seededWith) {
      random = seededRandom(faults.faultSeed);
      seededWith = faults.faultSeed;
    }
    return random();
  }
  /** True with probability `rate`. */
  const chance = (rate: number): boolean => rate > 0 && draw() < rate;
  const deliveries: WebhookDelivery[] = [];
  /** What the fault injector and the cost bucket did, for tests and benchmarks. */
  const stats = { faultsInjected: 0, throttled: 0, answersLost: 0 };
  /** Every Admin GraphQL request answered, for tests that count API calls. */
  const graphqlLog: GraphqlCall[] = [];
  const pending = new Set<Promise<void>>();
  let appUrl = (options.appUrl ?? "").replace(/\/$/, "");

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error("[simulator]", error);
      if (!res.headersSent) send(res, 500, { errors: [{ message: "Internal error" }] });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const path = url.pathname;
    if (safeDecode(path) === null) return send(res, 400, { errors: "Malformed URL" });
    if (path === "/admin/oauth/access_token" && req.method === "POST") return tokenExchange(req, res);
    if (path.startsWith("/admin/api/") && path.endsWith("/graphql.json")) return graphql(req, res, path);
    if (path === "/admin/session-token") return issueSessionToken(res, url);
    if (path === "/admin" || path === "/admin/") return adminPage(res, url);
    if (path === "/app-bridge.js") return sendFile(res, join(ROOT, "simulator/app-bridge.js"));
    if (path.startsWith("/extensions/")) return extensionAsset(res, path);
    if (path === proxyPath || path.startsWith(`${proxyPath}/`)) return appProxy(req, res, url);
    if (path === "/simulator/faults" && req.method === "POST") return setFaults(req, res);
    if (path === "/account/login") return login(res, url);
    if (path === "/account/logout") return redirect(res, "/", "harbor_sim_customer=; Path=/; Max-Age=0");
    if (path === "/" || path === "/pages/help") return storefront(req, res, url);
    send(res, 404, { errors: "Not Found" });
  }

  function shopFromHost(req: IncomingMessage): string | undefined {
    const shop = header(req, "x-shopify-shop-domain");
    return shop && store.getShop(shop) ? shop : undefined;
  }

  async function tokenExchange(req: IncomingMessage, res: ServerResponse) {
    const shop = shopFromHost(req);
    if (!shop) return send(res, 404, { errors: "Not Found" });
    let body;
    try {
      body = JSON.parse((await readBody(req)) || "{}");
    } catch {
      return send(res, 400, { error: "invalid_request", error_description: "The body is not JSON." });
    }
    const answer = tokens.answer(shop, body ?? {});
    send(res, answer.status, answer.body);
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, path: string) {
    const shop = shopFromHost(req);
    if (!shop) return send(res, 404, { errors: "Not Found" });
    if (path !== `/admin/api/${options.apiVersion}/graphql.json`) return send(res, 404, { errors: "Not Found" });
    const grant = verifySignedToken("shpat", header(req, "x-shopify-access-token") ?? "", options.apiSecret);
    if (!grant || grant.shop !== shop || (grant.exp !== undefined && grant.exp < now().getTime())) {
      return send(res, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faults.failNext > 0) {
      faults.failNext--;
      stats.faultsInjected++;
      return send(res, faults.failStatus, { errors: "Service Unavailable" });
    }
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    }
    const mutation = isMutation(body);
    if (mutation && chance(faults.mutationFailRate)) {
      stats.faultsInjected++;
      return send(res, 503, { errors: "Service Unavailable" });
    }
    const logged: GraphqlCall = { shop, operation: body.operationName ?? String(body.query ?? "").match(/(?:query|mutation)\s+(\w+)/)?.[1] ?? null };
    graphqlLog.push(logged);
    const result = await adminApi.execute(shop, body, grantedScopes, protectedData);
    const cost = (result.body as { extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number | null } } }).extensions?.cost;
    if (cost) Object.assign(logged, { requestedCost: cost.requestedQueryCost, actualCost: cost.actualQueryCost });
    if (JSON.stringify((result.body as { errors?: unknown }).errors ?? "").includes('"THROTTLED"')) stats.throttled++;
    if (mutation && result.status === 200 && (faults.loseNextMutation > 0 || chance(faults.mutationLoseRate))) {
      faults.loseNextMutation = Math.max(0, faults.loseNextMutation - 1);
      stats.answersLost++;
      if (faults.loseMode === "cut") return void res.socket?.destroy();
      return send(res, faults.loseStatus, { errors: "Bad Gateway" });
    }
    send(res, result.status, result.body);
  }

  /** Fault injection over HTTP, for tests that drive the demo from another process. */
  async function setFaults(req: IncomingMessage, res: ServerResponse) {
    const body = JSON.parse((await readBody(req)) || "{}") as Partial<Faults> & { throttle?: string; releaseWebhooks?: ReleaseOrder };
    for (const key of ["latencyMs", "failNext", "failStatus", "loseNextMutation", "loseStatus", "faultSeed"] as const) {
      if (typeof body[key] === "number") faults[key] = body[key];
    }
    for (const key of ["mutationFailRate", "mutationLoseRate", "webhookDuplicateRate"] as const) {
      const rate = body[key];
      if (typeof rate === "number" && rate >= 0 && rate <= 1) faults[key] = rate;
    }
    if (body.loseMode && LOSE_MODES.includes(body.loseMode)) faults.loseMode = body.loseMode;
    if (typeof body.holdWebhooks === "boolean") faults.holdWebhooks = body.holdWebhooks;
    // A seed posted again starts its sequence over, so a benchmark can repeat a run.
    if (typeof body.faultSeed === "number") seededWith = Number.NaN;
    if (body.throttle) adminApi.drainBucket(body.throttle);
    if (body.releaseWebhooks && RELEASE_ORDERS.includes(body.releaseWebhooks)) await releaseWebhooks(body.releaseWebhooks);
    send(res, 200, faults);
  }

  function issueSessionToken(res: ServerResponse, url: URL) {
    const shop = url.searchParams.get("shop") ?? "";
    res.setHeader("Access-Control-Allow-Origin", "*");
    if (!store.getShop(shop)) return send(res, 404, { error: "Unknown shop" });
    send(res, 200, { token: sessionToken({ shop, apiKey: options.apiKey, apiSecret: options.apiSecret, now: now() }) });
  }

  function hostParam(shop: string): string {
    return Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
  }

  function embeddedAppUrl(shop: string, path = "/app"): string {
    const params = new URLSearchParams({
      embedded: "1",
      shop,
      host: hostParam(shop),
      locale: "en",
      id_token: sessionToken({ shop, apiKey: options.apiKey, apiSecret: options.apiSecret, now: now() }),
    });
    return `${appUrl}${path}?${params}`;
  }

  function adminPage(res: ServerResponse, url: URL) {
    const shop = url.searchParams.get("shop") ?? store.shops()[0]!.domain;
    const info = store.getShop(shop);
    if (!info) return send(res, 404, { error: "Unknown shop" });
    sendHtml(res, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.name)} · Admin (simulated)</title>
<style>body{margin:0;font:14px system-ui;background:#f1f1f1;display:grid;grid-template:48px 1fr/220px 1fr;height:100vh}
header{grid-column:1/3;background:#1a1a1a;color:#fff;display:flex;align-items:center;padding:0 16px;gap:12px}
nav{padding:16px;background:#ebebeb}nav a{display:block;color:#303030;padding:6px 0;text-decoration:none;font-weight:600}
iframe{border:0;width:100%;height:100%;background:#f1f1f1}</style></head>
<body><header><strong>${escapeHtml(info.name)}</strong><span>Shopify admin — simulated</span></header>
<nav aria-label="Apps"><a href="/admin?shop=${encodeURIComponent(shop)}">Harbor Support</a><div id="app-nav"></div><a href="/" target="_blank">View storefront</a></nav>
<main><iframe title="Harbor Support" name="app-iframe" src="${escapeHtml(embeddedAppUrl(shop))}"></iframe></main>
<script>
// The app's NavMenu links, posted by the App Bridge stand-in, shown here as Shopify's admin does.
const appOrigin = ${JSON.stringify(new URL(appUrl || "http://invalid").origin)};
const frameParams = ${JSON.stringify(new URLSearchParams({ embedded: "1", shop, host: hostParam(shop) }).toString())};
addEventListener("message", (event) => {
  if (event.origin !== appOrigin || event.data?.type !== "harbor:nav") return;
  const nav = document.getElementById("app-nav");
  nav.replaceChildren(...event.data.links.filter((l) => l.href !== "/app").map((link) => {
    const a = document.createElement("a");
    a.textContent = link.label;
    a.href = appOrigin + link.href + "?" + frameParams;
    a.target = "app-iframe";
    a.style.paddingLeft = "12px";
    return a;
  }));
});
</script></body></html>`);
  }

  async function storefront(req: IncomingMessage, res: ServerResponse, url: URL) {
    const info = store.shops()[0]!;
    const locale = url.searchParams.get("locale") ?? "en";
    const blocks = loadBlocks(extensionsDir);
    const customerId = cookie(req, "harbor_sim_customer");
    const assetBase = "/extensions";
    const { main, bodyEnd } = await renderPageBlocks(blocks, {
      extensionsDir,
      shop: { name: info.name, domain: info.domain, currency: info.currencyCode },
      locale,
      customerId,
      assetBase,
      // A merchant who changed the proxy path enters it in each block's "App proxy path" setting.
      settings: Object.fromEntries(blocks.map((block) => [block.handle, { ...DEMO_BLOCK_SETTINGS[block.handle], proxy_path: proxyPath }])),
    });
    sendHtml(res, `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Help · ${escapeHtml(info.name)}</title>
<style>body{margin:0;font:16px/1.5 system-ui;color:#1a1a1a}header,main{max-width:960px;margin:0 auto;padding:16px}
header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #ddd}.shopify-app-block{margin:32px 0}</style>
${blockAssetTags(blocks, assetBase)}</head><body>
<header><strong>${escapeHtml(info.name)}</strong><span>${customerId ? `Signed in · <a href="/account/logout">Sign out</a>` : `<a href="/account/login">Sign in</a>`}</span></header>
<main>${main.length ? main.join("\n") : "<p>This storefront has no Harbor Support blocks yet.</p>"}</main>
${bodyEnd.join("\n")}</body></html>`);
  }

  function login(res: ServerResponse, url: URL) {
    const requested = url.searchParams.get("customer_id");
    const customers = store.customers(store.shops()[0]!.domain);
    const customer = customers.find((c) => c.id.endsWith(`/${requested}`)) ?? customers[0];
    if (!customer) return redirect(res, "/");
    const id = customer.id.split("/").pop()!;
    redirect(res, "/", `harbor_sim_customer=${id}; Path=/; HttpOnly; SameSite=Lax`);
  }

  function extensionAsset(res: ServerResponse, path: string) {
    const [, , extension, assets, ...rest] = path.split("/");
    if (!extension || assets !== "assets" || rest.length !== 1) return send(res, 404, { errors: "Not Found" });
    const file = normalize(join(extensionsDir, extension, "assets", rest[0]!));
    if (!file.startsWith(normalize(extensionsDir))) return send(res, 404, { errors: "Not Found" });
    sendFile(res, file);
  }

  /**
   * Forwards {proxy path}/* to {app}{proxy url}/* with the query signature Shopify adds, and
   * follows a 30x answer itself, as Shopify's proxy does: the shopper gets what the redirect's
   * target answers (resolved against the app, unsigned), never the redirect.
   */
  async function appProxy(req: IncomingMessage, res: ServerResponse, url: URL) {
    // "Configuring an app proxy requires the write_app_proxy access scope"
    // (https://shopify.dev/docs/apps/build/online-store/app-proxies): without it there is no proxy,
    // and the storefront answers its 404 page.
    if (!grantedScopes.includes("write_app_proxy")) return sendHtml(res, "<!doctype html><title>404 Not Found</title><h1>404 Page Not Found</h1>", 404);
    const shop = store.shops()[0]!.domain;
    const params = new URLSearchParams(url.search);
    for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]) params.delete(key);
    params.set("shop", shop);
    params.set("logged_in_customer_id", cookie(req, "harbor_sim_customer") ?? "");
    params.set("path_prefix", proxyPath);
    params.set("timestamp", String(Math.floor(now().getTime() / 1000)));
    params.set("signature", appProxySignature(params, options.apiSecret));
    const target = `${appUrl}${appConfig.app_proxy.url}${url.pathname.slice(proxyPath.length)}?${params}`;
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const upstream = await fetch(target, {
      method: req.method,
      headers: {
        ...pick(req, ["content-type", "accept", "accept-language", "user-agent", "if-none-match"]),
        // Shopify's proxy passes the shopper's address on, as the last hop.
        "x-forwarded-for": [header(req, "x-forwarded-for"), req.socket.remoteAddress].filter(Boolean).join(", "),
      },
      body: hasBody ? new Uint8Array(await readBodyBuffer(req)) : undefined,
      redirect: "follow",
    });
    res.statusCode = upstream.status;
    for (const name of ["content-type", "cache-control", "etag", "retry-after"]) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }

  // ---- webhooks ----
  const subscriptions = (appConfig.webhooks.subscriptions ?? []).flatMap((s) =>
    [...(s.topics ?? []), ...(s.compliance_topics ?? [])].map((topic) => ({ topic, uri: s.uri })),
  );

  const held: Outgoing[] = [];

  /**
   * Sends one event to every subscription of its topic, as Shopify does: signed, with the event's
   * id and time in the headers; sometimes twice (a new webhook id, the same event id), and held
   * back to arrive late when the faults say so (then answers no deliveries yet).
   */
  async function deliverWebhook(
    shop: string,
    topic: string,
    payload: unknown,
    id: string = randomUUID(),
    event: { eventId?: string; triggeredAt?: string } = {},
  ): Promise<WebhookDelivery[]> {
    const sent: Outgoing = {
      shop,
      topic,
      body: JSON.stringify(payload),
      webhookId: id,
      eventId: event.eventId ?? randomUUID(),
      triggeredAt: event.triggeredAt ?? now().toISOString(),
    };
    const copies = chance(faults.webhookDuplicateRate) ? [sent, { ...sent, webhookId: randomUUID() }] : [sent];
    if (faults.holdWebhooks) {
      held.push(...copies);
      return [];
    }
    const results: WebhookDelivery[] = [];
    for (const copy of copies) results.push(...(await post(copy)));
    return results;
  }

  /** Sends the held deliveries, late, in the given order; new ones are held again while `holdWebhooks` is on. */
  async function releaseWebhooks(order: ReleaseOrder = "sent"): Promise<WebhookDelivery[]> {
    const batch = held.splice(0);
    if (order === "reverse") batch.reverse();
    if (order === "shuffle") {
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(draw() * (i + 1));
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
    }
    const results: WebhookDelivery[] = [];
    for (const outgoing of batch) results.push(...(await post(outgoing)));
    return results;
  }

  async function post(outgoing: Outgoing): Promise<WebhookDelivery[]> {
    const { shop, topic, body, webhookId: id, eventId } = outgoing;
    const results: WebhookDelivery[] = [];
    // Subscriptions to topics about protected customer data exist only once Shopify approved it.
    const subscribed = protectedData.approved || !topicNeedsApproval(topic);
    for (const sub of subscriptions.filter((s) => s.topic === topic && subscribed)) {
      const target = sub.uri.startsWith("http") ? sub.uri : `${appUrl}${sub.uri}`;
      let status: number | "error";
      try {
        const response = await fetch(target, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Topic": topic,
            "X-Shopify-Shop-Domain": shop,
            "X-Shopify-API-Version": appConfig.webhooks.api_version,
            "X-Shopify-Webhook-Id": id,
            "X-Shopify-Event-Id": eventId,
            "X-Shopify-Triggered-At": outgoing.triggeredAt,
            "X-Shopify-Hmac-Sha256": webhookHmac(body, options.apiSecret),
          },
          body,
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = "error";
      }
      const delivery = { topic, shop, id, eventId, status };
      deliveries.push(delivery);
      results.push(delivery);
    }
    return results;
  }

  if (options.webhooks !== false) {
    store.onChange((event) => {
      const delivery = deliverWebhook(event.shop, event.topic, event.payload).then(() => undefined);
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    store,
    adminApi,
    faults,
    deliveries,
    graphqlLog,
    stats,
    storefrontUrl: `${url}/`,
    adminUrl: `${url}/admin?shop=${store.shops()[0]!.domain}`,
    embeddedAppUrl,
    /** Where the storefront serves the app proxy, e.g. /apps/support. */
    proxyPath,
    deliverWebhook,
    releaseWebhooks,
    /** How many deliveries are held back, waiting for `releaseWebhooks`. */
    heldWebhooks: () => held.length,
    /** Grants answered at the token endpoint, by kind (token exchange, refresh). */
    tokenGrants: tokens.issued,
    /** Changes what protected customer data Shopify approved for the app. */
    approveProtectedData(grant: ProtectedDataGrant) {
      protectedData = grant;
    },
    /** Changes the scopes the shop granted, as when a merchant approves or a scope is revoked. */
    grantScopes(scopes: string[]) {
      grantedScopes = scopes;
    },
    setAppUrl(url: string) {
      appUrl = url.replace(/\/$/, "");
    },
    /** Resolves when every webhook triggered so far has been answered. */
    async settled(): Promise<void> {
      while (pending.size) await Promise.all([...pending]);
    },
    async stop(): Promise<void> {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

type AppConfig = {
  access_scopes: { scopes: string };
  app_proxy: { url: string; prefix: string; subpath: string };
  webhooks: { api_version: string; subscriptions?: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
};

// ---- small HTTP helpers ----
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function pick(req: IncomingMessage, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (header(req, n) ? [[n, header(req, n)!]] : [])));
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  const found = (header(req, "cookie") ?? "").split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return found ? safeDecode(found.slice(name.length + 1)) || undefined : undefined;
}

function readBodyBuffer(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBuffer(req)).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, html: string, status = 200) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
  res.end(html);
}

function redirect(res: ServerResponse, location: string, setCookie?: string) {
  res.writeHead(302, { Location: location, ...(setCookie ? { "Set-Cookie": setCookie } : {}) });
  res.end();
}

function sendFile(res: ServerResponse, file: string) {
  if (!existsSync(file)) return send(res, 404, { errors: "Not Found" });
  res.writeHead(200, { "Content-Type": contentTypeOf(file), "Cache-Control": "no-cache" });
  res.end(readFileSync(file));
}
