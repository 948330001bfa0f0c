// Mollie's Payments API (v2) over fetch: the two calls Surge makes. Not the official @mollie/api-client, which
// sends every request through an https.Agent pinned to its own bundled CA list: it cannot be pointed at a
// stand-in over plain HTTP, nor trust a test certificate, so it could only be tested offline with TLS checks off.

export interface MolliePayment {
  id: string;
  status: string;
  amount: { currency: string; value: string };
  metadata: unknown;
  /** Everything refunded so far; absent before the first refund. */
  amountRefunded?: { currency: string; value: string };
  amountChargedBack?: { currency: string; value: string };
  _links: { checkout?: { href: string } };
}

export interface CreatePaymentParams {
  amount: { currency: string; value: string };
  description: string;
  redirectUrl: string;
  webhookUrl: string;
  metadata: Record<string, string>;
  locale?: string;
}

/** Mollie's error answer (HAL: status, title, detail, field). */
export class MollieApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "MollieApiError";
  }
}

/** Below the gateway breaker's 10 s, so a hanging Mollie fails as our error and the breaker counts it. */
const REQUEST_TIMEOUT_MS = 8_000;

export function createMollieClient({
  apiKey,
  apiUrl = "https://api.mollie.com",
}: {
  apiKey: string;
  apiUrl?: string;
}) {
  async function call(path: string, init: RequestInit = {}): Promise<MolliePayment> {
    const response = await fetch(new URL(`/v2/${path}`, apiUrl), {
      ...init,
      headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/hal+json", ...init.headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok) {
      const detail = typeof body?.detail === "string" ? body.detail : `Mollie answered ${response.status}`;
      throw new MollieApiError(
        response.status,
        detail,
        typeof body?.field === "string" ? body.field : undefined,
      );
    }
    return body as unknown as MolliePayment;
  }

  return {
    /** The key makes a repeated creation (a retry after a lost answer) return the first payment. */
    createPayment: (params: CreatePaymentParams, idempotencyKey: string) =>
      call("payments", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
        body: JSON.stringify(params),
      }),
    getPayment: (id: string) => call(`payments/${encodeURIComponent(id)}`),
  };
}
