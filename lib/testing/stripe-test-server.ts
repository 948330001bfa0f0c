import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A stand-in for the part of Stripe's API Surge uses, as Stripe documents it: Checkout Sessions created from
// form-encoded parameters (with Idempotency-Key replay), retrieved with `expand[]=payment_intent`, Stripe's error
// shape, a hosted page that stands in for checkout.stripe.com, and webhooks signed by the SDK itself. Faults (429,
// 500, 401, a hang) are set by the test. Tooling, not product: Stripe is not reachable from here.

type SessionStatus = "open" | "complete" | "expired";
type PaymentStatus = "paid" | "unpaid" | "no_payment_required";
type IntentStatus = "processing" | "succeeded" | "requires_payment_method";

export interface TestSession {
  id: string;
  params: Record<string, unknown>;
  status: SessionStatus;
  paymentStatus: PaymentStatus;
  intent: { id: string; status: IntentStatus } | null;
  declines: number;
  created: number;
}

export type Fault = { status: 400 | 401 | 429 | 500; times?: number } | { hangMs: number; times?: number };
export type Choice = "pay" | "pay_delayed" | "decline" | "cancel";

export interface StripeTestServerOptions {
  secretKey: string;
  webhookSecret: string;
  /** Delivers a signed webhook; by default it is posted to webhookUrl. */
  deliver?: (request: Request) => Promise<Response>;
  webhookUrl?: string;
  port?: number;
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/** `line_items[0][price_data][currency]=eur` into nested objects and arrays, as Stripe reads it. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node = root as Record<string, unknown>;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= /^\d+$/.test(path[index + 1]) ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}

function readRequest(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

const stripeError = (type: string, message: string, extra: Record<string, string> = {}) => ({
  error: { type, message, ...extra },
});

const FAULT_ERRORS = {
  400: stripeError("invalid_request_error", "Invalid request"),
  401: stripeError("invalid_request_error", "Invalid API Key provided"),
  429: stripeError("invalid_request_error", "Too many requests", { code: "rate_limit" }),
  500: stripeError("api_error", "Something went wrong on Stripe's end."),
};

/** The parameters Surge must send; Stripe answers a missing one with invalid_request_error naming it. */
function missingParam(params: Record<string, unknown>): string | null {
  const items = params.line_items as Array<Record<string, Record<string, unknown>>> | undefined;
  const price = items?.[0]?.price_data;
  if (params.mode !== "payment") return "mode";
  if (!price || !/^[a-z]{3}$/.test(String(price.currency))) return "line_items[0][price_data][currency]";
  if (!/^[1-9]\d*$/.test(String(price.unit_amount))) return "line_items[0][price_data][unit_amount]";
  if (!(price.product_data as Record<string, unknown> | undefined)?.name)
    return "line_items[0][price_data][product_data][name]";
  if (typeof params.success_url !== "string") return "success_url";
  // Stripe takes 30 minutes to 24 hours after creation.
  const lifetime = Number(params.expires_at ?? Date.now() / 1000 + 86_400) - Date.now() / 1000;
  if (!(lifetime >= 1_800 - 5 && lifetime <= 86_400)) return "expires_at";
  return null;
}

export async function startStripeTestServer(options: StripeTestServerOptions) {
  const sessions = new Map<string, TestSession>();
  const replays = new Map<string, { params: string; body: unknown }>();
  const signer = new Stripe(options.secretKey);
  const requests: Array<{ method: string; path: string; idempotencyKey: string | null }> = [];
  let fault: Fault | null = null;
  let origin = "";

  function sessionObject(session: TestSession, expandIntent = false) {
    const price = (session.params.line_items as Array<{ price_data: Record<string, string> }>)[0].price_data;
    const intent = session.intent && {
      id: session.intent.id,
      object: "payment_intent",
      status: session.intent.status,
      amount: Number(price.unit_amount),
      currency: price.currency,
    };
    return {
      id: session.id,
      object: "checkout.session",
      mode: session.params.mode,
      submit_type: session.params.submit_type ?? null,
      locale: session.params.locale ?? null,
      amount_subtotal: Number(price.unit_amount),
      amount_total: Number(price.unit_amount),
      currency: price.currency,
      client_reference_id: session.params.client_reference_id ?? null,
      metadata: session.params.metadata ?? {},
      status: session.status,
      payment_status: session.paymentStatus,
      payment_intent: expandIntent ? intent : (intent?.id ?? null),
      success_url: session.params.success_url,
      cancel_url: session.params.cancel_url ?? null,
      url: session.status === "open" ? `${origin}/c/pay/${session.id}` : null,
      created: session.created,
      expires_at: Number(session.params.expires_at ?? session.created + 24 * 3600),
      livemode: false,
    };
  }

  const events = new Map<string, string>();

  function signed(payload: string, timestamp: number, secret: string): Request {
    const header = signer.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    return new Request(options.webhookUrl ?? "http://127.0.0.1:1/unset", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": header },
      body: payload,
    });
  }

  /** An event as Stripe posts it, signed with Stripe-Signature over the exact body (by the SDK's own signer). */
  function signedEvent(
    type: string,
    session: TestSession,
    { timestamp = Math.floor(Date.now() / 1000), secret = options.webhookSecret } = {},
    object: unknown = sessionObject(session),
  ): Request {
    const payload = JSON.stringify({
      id: newId("evt"),
      object: "event",
      api_version: signer.getApiField("version"),
      created: timestamp,
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    });
    events.set(JSON.parse(payload).id, payload);
    return signed(payload, timestamp, secret);
  }

  const deliver = (request: Request) => (options.deliver ? options.deliver(request) : fetch(request));

  function sendEvent(type: string, session: TestSession, signing?: Parameters<typeof signedEvent>[2]) {
    return deliver(signedEvent(type, session, signing));
  }

  /** Stripe's retry of an event: the same id and body, signed again at the time of sending. */
  function redeliver(eventId: string) {
    return deliver(signed(events.get(eventId)!, Math.floor(Date.now() / 1000), options.webhookSecret));
  }

  /** What the donor does on the hosted page; returns where the browser goes next, or null to stay. */
  async function choose(session: TestSession, choice: Choice): Promise<string | null> {
    if (session.status !== "open") return null;
    if (choice === "cancel") return String(session.params.cancel_url ?? session.params.success_url);
    if (choice === "decline") {
      // A declined card keeps the donor on Stripe's page to try another: the session stays open, no event.
      session.declines += 1;
      return null;
    }
    session.status = "complete";
    session.paymentStatus = choice === "pay" ? "paid" : "unpaid";
    session.intent = { id: newId("pi"), status: choice === "pay" ? "succeeded" : "processing" };
    await sendEvent("checkout.session.completed", session);
    return String(session.params.success_url).replace("{CHECKOUT_SESSION_ID}", session.id);
  }

  /** The charge behind a paid session, with everything refunded on it so far. */
  const refunded = new Map<string, number>();
  function chargeObject(session: TestSession) {
    const total = sessionObject(session).amount_total;
    return {
      id: `ch_${session.intent!.id.slice(3)}`,
      object: "charge",
      amount: total,
      amount_refunded: refunded.get(session.id) ?? 0,
      currency: sessionObject(session).currency,
      payment_intent: session.intent!.id,
      refunded: (refunded.get(session.id) ?? 0) >= total,
    };
  }

  /** A refund made in the Dashboard: charge.refunded carries the cumulative amount_refunded. */
  function refund(id: string, amount: number): Promise<Response> {
    const session = sessions.get(id)!;
    refunded.set(id, (refunded.get(id) ?? 0) + amount);
    return deliver(signedEvent("charge.refunded", session, undefined, chargeObject(session)));
  }

  /** The end of a dispute on the session's charge. */
  function closeDispute(id: string, status: "won" | "lost"): Promise<Response> {
    const session = sessions.get(id)!;
    const charge = chargeObject(session);
    const dispute = {
      id: newId("dp"),
      object: "dispute",
      amount: charge.amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      status,
    };
    return deliver(signedEvent("charge.dispute.closed", session, undefined, dispute));
  }

  /** A delayed payment (a bank debit) settles days later. */
  async function settleDelayed(id: string, outcome: "succeeded" | "failed"): Promise<Response> {
    const session = sessions.get(id)!;
    session.paymentStatus = outcome === "succeeded" ? "paid" : "unpaid";
    session.intent!.status = outcome === "succeeded" ? "succeeded" : "requires_payment_method";
    return sendEvent(`checkout.session.async_payment_${outcome}`, session);
  }

  async function expire(id: string): Promise<Response> {
    const session = sessions.get(id)!;
    session.status = "expired";
    return sendEvent("checkout.session.expired", session);
  }

  function hostedPage(session: TestSession, notice = ""): string {
    const price = sessionObject(session).amount_total;
    const buttons = (["pay", "pay_delayed", "decline", "cancel"] as const)
      .map((choice) => `<button type="submit" name="choice" value="${choice}">${choice}</button>`)
      .join("");
    return `<!doctype html><html><head><title>Stripe Checkout (test)</title></head><body>
<h1>Stripe Checkout (test)</h1><p data-testid="stripe-amount">${price} ${sessionObject(session).currency}</p>
<p role="alert">${notice}</p>
${session.status === "open" ? `<form method="post" action="/c/pay/${session.id}">${buttons}</form>` : "<p>This session is no longer open.</p>"}
</body></html>`;
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const key = request.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : null;
    requests.push({ method: request.method ?? "", path: url.pathname, idempotencyKey });
    if (fault) {
      const current = fault;
      if (current.times !== undefined && --current.times <= 0) fault = null;
      if ("hangMs" in current) await new Promise((resolve) => setTimeout(resolve, current.hangMs));
      else return send(response, current.status, FAULT_ERRORS[current.status]);
    }
    if (request.headers.authorization !== `Bearer ${options.secretKey}`) {
      return send(response, 401, FAULT_ERRORS[401]);
    }
    const body = await readRequest(request);
    if (request.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const params = parseStripeForm(body);
      const replay = idempotencyKey ? replays.get(idempotencyKey) : undefined;
      if (replay) {
        if (replay.params !== body) {
          return send(
            response,
            400,
            stripeError(
              "idempotency_error",
              "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            ),
          );
        }
        return send(response, 200, replay.body, { "Idempotent-Replayed": "true" });
      }
      const missing = missingParam(params);
      if (missing) {
        return send(
          response,
          400,
          stripeError("invalid_request_error", `Missing required param: ${missing}.`, { param: missing }),
        );
      }
      const session: TestSession = {
        id: newId("cs_test"),
        params,
        status: "open",
        paymentStatus: "unpaid",
        intent: null,
        declines: 0,
        created: Math.floor(Date.now() / 1000),
      };
      sessions.set(session.id, session);
      const created = sessionObject(session);
      if (idempotencyKey) replays.set(idempotencyKey, { params: body, body: created });
      return send(response, 200, created);
    }
    if (request.method === "GET" && url.pathname === "/v1/checkout/sessions") {
      const intent = url.searchParams.get("payment_intent");
      const data = [...sessions.values()].filter((session) => intent && session.intent?.id === intent);
      return send(response, 200, {
        object: "list",
        url: "/v1/checkout/sessions",
        has_more: false,
        data: data.map((session) => sessionObject(session)),
      });
    }
    const match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && match) {
      const session = sessions.get(decodeURIComponent(match[1]));
      if (!session) {
        return send(
          response,
          404,
          stripeError("invalid_request_error", `No such checkout.session: '${match[1]}'`, {
            code: "resource_missing",
            param: "session",
          }),
        );
      }
      const expand = parseStripeForm(url.search.slice(1)).expand as string[] | undefined;
      return send(response, 200, sessionObject(session, expand?.includes("payment_intent") ?? false));
    }
    return send(
      response,
      404,
      stripeError("invalid_request_error", `Unrecognized request URL (${request.method}: ${url.pathname}).`),
    );
  }

  async function handlePage(request: IncomingMessage, response: ServerResponse, id: string) {
    const session = sessions.get(id);
    if (!session) return send(response, 404, { error: "no such session" });
    let notice = "";
    if (request.method === "POST") {
      const choice = new URLSearchParams(await readRequest(request)).get("choice") as Choice;
      const next = await choose(session, choice);
      if (next) {
        response.writeHead(303, { Location: next });
        return response.end();
      }
      if (choice === "decline") notice = "Your card was declined.";
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(hostedPage(session, notice));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stripe.test");
    const page = /^\/c\/pay\/([^/]+)$/.exec(url.pathname);
    const handled = page ? handlePage(request, response, page[1]) : handleApi(request, response, url);
    handled.catch((error: unknown) => send(response, 500, stripeError("api_error", String(error))));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    sessions,
    requests,
    setFault(next: Fault | null) {
      fault = next;
    },
    choose: (id: string, choice: Choice) => choose(sessions.get(id)!, choice),
    settleDelayed,
    expire,
    events,
    signedEvent,
    sendEvent,
    redeliver,
    refund,
    closeDispute,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StripeTestServer = Awaited<ReturnType<typeof startStripeTestServer>>;
