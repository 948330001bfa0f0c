import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the part of Mollie's Payments API Surge uses, as Mollie documents it: POST /v2/payments (JSON,
// Idempotency-Key replay), GET /v2/payments/:id, HAL error answers, a hosted page that stands in for
// www.mollie.com's checkout, and Mollie's unsigned webhook (`id=tr_…`, form-encoded). Faults are set by the test.
// Tooling, not product: Mollie is not reachable from here.

export type MollieStatus = "open" | "pending" | "paid" | "failed" | "canceled" | "expired";
export type MollieChoice = "paid" | "pending" | "failed" | "canceled";

export interface TestPayment {
  id: string;
  params: Record<string, unknown>;
  status: MollieStatus;
  createdAt: string;
  /** Decimal strings like Mollie's, set by a refund or a chargeback. */
  amountRefunded?: string;
  amountChargedBack?: string;
}

export type Fault = { status: 401 | 422 | 429 | 500; times?: number } | { hangMs: number; times?: number };

export interface MollieTestServerOptions {
  apiKey: string;
  /** Delivers a webhook; by default it is posted to the payment's webhookUrl. */
  deliver?: (request: Request) => Promise<Response>;
  port?: number;
}

const TITLES: Record<number, string> = {
  401: "Unauthorized Request",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

function halError(response: ServerResponse, status: number, detail: string, field?: string) {
  response.writeHead(status, { "Content-Type": "application/hal+json" });
  response.end(
    JSON.stringify({
      status,
      title: TITLES[status],
      detail,
      ...(field && { field }),
      _links: {
        documentation: { href: "https://docs.mollie.com/overview/handling-errors", type: "text/html" },
      },
    }),
  );
}

function readRequest(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const DECIMALS: Record<string, number> = { JPY: 0, ISK: 0 };

/** Mollie refuses a value without exactly the currency's decimals ("10.00", JPY "1000"). */
function invalidAmount(amount: unknown): string | null {
  const { currency, value } = (amount ?? {}) as { currency?: string; value?: string };
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return "amount.currency";
  const decimals = DECIMALS[currency] ?? 2;
  const pattern = decimals === 0 ? /^[1-9]\d*$/ : new RegExp(`^\\d+\\.\\d{${decimals}}$`);
  return typeof value === "string" && pattern.test(value) && Number(value) > 0 ? null : "amount.value";
}

export async function startMollieTestServer(options: MollieTestServerOptions) {
  const payments = new Map<string, TestPayment>();
  const replays = new Map<string, { body: string; answer: unknown }>();
  const requests: Array<{ method: string; path: string; idempotencyKey: string | null }> = [];
  let fault: Fault | null = null;
  let origin = "";

  const paymentObject = (payment: TestPayment) => ({
    resource: "payment",
    id: payment.id,
    mode: "test",
    status: payment.status,
    createdAt: payment.createdAt,
    amount: payment.params.amount,
    description: payment.params.description,
    redirectUrl: payment.params.redirectUrl,
    webhookUrl: payment.params.webhookUrl,
    metadata: payment.params.metadata ?? null,
    ...(payment.amountRefunded && {
      amountRefunded: {
        currency: (payment.params.amount as { currency: string }).currency,
        value: payment.amountRefunded,
      },
    }),
    ...(payment.amountChargedBack && {
      amountChargedBack: {
        currency: (payment.params.amount as { currency: string }).currency,
        value: payment.amountChargedBack,
      },
    }),
    locale: payment.params.locale ?? null,
    _links: {
      self: { href: `${origin}/v2/payments/${payment.id}`, type: "application/hal+json" },
      ...(payment.status === "open" && {
        checkout: { href: `${origin}/checkout/select-method/${payment.id}`, type: "text/html" },
      }),
    },
  });

  /** Mollie's webhook: the id alone, form-encoded and unsigned; the receiver must ask for the status. */
  function sendWebhook(id: string): Promise<Response> {
    const payment = payments.get(id);
    const url = String(payment?.params.webhookUrl ?? "http://127.0.0.1:1/unset");
    const request = new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id }).toString(),
    });
    return options.deliver ? options.deliver(request) : fetch(request);
  }

  /** A status change made at Mollie (the donor's choice, a bank's late answer, expiry), then its webhook. */
  async function settle(id: string, status: MollieStatus): Promise<Response> {
    payments.get(id)!.status = status;
    return sendWebhook(id);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const key = request.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : null;
    requests.push({ method: request.method ?? "", path: url.pathname, idempotencyKey });
    if (fault) {
      const current = fault;
      if (current.times !== undefined && --current.times <= 0) fault = null;
      if ("hangMs" in current) await new Promise((resolve) => setTimeout(resolve, current.hangMs));
      else return halError(response, current.status, "Injected fault");
    }
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return halError(response, 401, "Missing authentication, or failed to authenticate");
    }
    const body = await readRequest(request);
    if (request.method === "POST" && url.pathname === "/v2/payments") {
      const replay = idempotencyKey ? replays.get(idempotencyKey) : undefined;
      if (replay && replay.body === body) {
        response.writeHead(201, { "Content-Type": "application/hal+json" });
        return response.end(JSON.stringify(replay.answer));
      }
      if (replay) return halError(response, 422, "The idempotency key was used with another request");
      const params = JSON.parse(body) as Record<string, unknown>;
      const invalid = invalidAmount(params.amount);
      if (invalid) return halError(response, 422, `The ${invalid} is invalid`, invalid);
      for (const field of ["description", "redirectUrl"]) {
        if (typeof params[field] !== "string")
          return halError(response, 422, `The ${field} is missing`, field);
      }
      const payment: TestPayment = {
        id: `tr_${randomBytes(8).toString("hex")}`,
        params,
        status: "open",
        createdAt: new Date().toISOString(),
      };
      payments.set(payment.id, payment);
      const answer = paymentObject(payment);
      if (idempotencyKey) replays.set(idempotencyKey, { body, answer });
      response.writeHead(201, { "Content-Type": "application/hal+json" });
      return response.end(JSON.stringify(answer));
    }
    const match = /^\/v2\/payments\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && match) {
      const payment = payments.get(decodeURIComponent(match[1]));
      if (!payment) return halError(response, 404, `No payment exists with token ${match[1]}.`);
      response.writeHead(200, { "Content-Type": "application/hal+json" });
      return response.end(JSON.stringify(paymentObject(payment)));
    }
    return halError(response, 404, "The resource does not exist");
  }

  async function handlePage(request: IncomingMessage, response: ServerResponse, id: string) {
    const payment = payments.get(id);
    if (!payment) return halError(response, 404, "No such payment");
    if (request.method === "POST" && payment.status === "open") {
      const choice = new URLSearchParams(await readRequest(request)).get("choice") as MollieChoice;
      await settle(id, choice);
      response.writeHead(303, { Location: String(payment.params.redirectUrl) });
      return response.end();
    }
    const buttons = (["paid", "pending", "failed", "canceled"] as const)
      .map((choice) => `<button type="submit" name="choice" value="${choice}">${choice}</button>`)
      .join("");
    const { value, currency } = payment.params.amount as { value: string; currency: string };
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><head><title>Mollie (test)</title></head><body><h1>Mollie (test)</h1>
<p data-testid="mollie-amount">${currency} ${value}</p>
${payment.status === "open" ? `<form method="post" action="/checkout/select-method/${id}">${buttons}</form>` : `<p>${payment.status}</p>`}
</body></html>`);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://mollie.test");
    const page = /^\/checkout\/select-method\/([^/]+)$/.exec(url.pathname);
    const handled = page ? handlePage(request, response, page[1]) : handleApi(request, response, url);
    handled.catch((error: unknown) => halError(response, 500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    payments,
    requests,
    setFault(next: Fault | null) {
      fault = next;
    },
    /** The donor's choice on the hosted page; returns where the browser is sent (the payment's redirectUrl). */
    async choose(id: string, choice: MollieChoice): Promise<string> {
      await settle(id, choice);
      return String(payments.get(id)!.params.redirectUrl);
    },
    settle,
    sendWebhook,
    /** A refund made in Mollie's Dashboard: the payment stays paid, amountRefunded grows, Mollie calls again. */
    refund(id: string, value: string): Promise<Response> {
      payments.get(id)!.amountRefunded = value;
      return sendWebhook(id);
    },
    chargeback(id: string): Promise<Response> {
      const payment = payments.get(id)!;
      payment.amountChargedBack = (payment.params.amount as { value: string }).value;
      return sendWebhook(id);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type MollieTestServer = Awaited<ReturnType<typeof startMollieTestServer>>;
