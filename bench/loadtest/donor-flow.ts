import { randomUUID } from "node:crypto";

// A donor's visit as one autocannon request sequence per connection: start a donation, open the sandbox's hosted
// page, press Pay, Decline or Cancel (or walk away), and come back through the return URL. Each connection runs it
// again and again; a step that has nothing to do (the start failed, the donor abandoned) starts a new visit.

export type Choice = "pay" | "decline" | "cancel" | "abandon";
const CHOICES: Array<[Choice, number]> = [
  ["pay", 60],
  ["decline", 15],
  ["cancel", 10],
  ["abandon", 15],
];
const LOCALES = ["en", "fr", "ar"];
const AMOUNTS = [500, 1000, 2500, 5000, 10000];

export interface DonorRun {
  /** Ids of the donations answered 201. */
  created: string[];
  /** What each donor chose on the hosted page, by sandbox session. */
  choices: Record<string, Choice>;
  /** 503s answered because donations were deliberately paused. */
  pausedAnswers: number;
}

export interface DonorEvents {
  /** A donor finished on the hosted page: the gateway now knows the outcome and will call back (again). */
  onCompleted: (sessionId: string, donation: { amount: number; currency: string }, choice: Choice) => void;
}

const pickChoice = (): Choice => {
  let pick = Math.random() * 100;
  for (const [choice, weight] of CHOICES) if ((pick -= weight) < 0) return choice;
  return "pay";
};

type Context = {
  route?: string;
  donation?: { id: string; sessionId: string; checkout: string; amount: number };
  returnPath?: string;
};

export function donorRequests(run: DonorRun, events: DonorEvents, origin: string) {
  return [
    {
      setupRequest: (request: Record<string, unknown>, context: Context) => {
        const amount = AMOUNTS[Math.floor(Math.random() * AMOUNTS.length)];
        context.route = "POST /api/donations";
        context.donation = undefined;
        context.returnPath = undefined;
        (context as { amount?: number }).amount = amount;
        return {
          ...request,
          method: "POST",
          path: "/api/donations",
          headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
          body: JSON.stringify({
            amount,
            currency: "EUR",
            locale: LOCALES[Math.floor(Math.random() * LOCALES.length)],
            name: "Launch Night",
            email: `donor-${randomUUID().slice(0, 8)}@example.org`,
          }),
        };
      },
      onResponse: (status: number, body: string, context: Context & { amount?: number }) => {
        if (status === 503 && body.includes("donations_paused")) run.pausedAnswers++;
        if (status !== 201) return;
        const { id, redirectUrl } = JSON.parse(body) as { id: string; redirectUrl: string };
        run.created.push(id);
        const checkout = new URL(redirectUrl, origin);
        const sessionId = checkout.pathname.split("/").pop()!;
        context.donation = { id, sessionId, checkout: checkout.pathname, amount: context.amount ?? 0 };
      },
    },
    {
      setupRequest: (request: Record<string, unknown>, context: Context) => {
        if (!context.donation) return null;
        context.route = "GET /sandbox/checkout/[id]";
        return { ...request, method: "GET", path: context.donation.checkout, headers: {}, body: undefined };
      },
    },
    {
      setupRequest: (request: Record<string, unknown>, context: Context) => {
        const donation = context.donation;
        if (!donation) return null;
        const choice = pickChoice();
        run.choices[donation.sessionId] = choice;
        if (choice === "abandon") return null;
        context.route = "POST /api/sandbox/checkout/[id]";
        return {
          ...request,
          method: "POST",
          path: `/api/sandbox/checkout/${donation.sessionId}`,
          headers: { "content-type": "application/x-www-form-urlencoded", origin },
          body: `choice=${choice}`,
        };
      },
      onResponse: (status: number, _body: string, context: Context, headers: Record<string, string>) => {
        const donation = context.donation;
        if (status !== 303 || !donation || !headers.location) return;
        const back = new URL(headers.location, origin);
        context.returnPath = `${back.pathname}${back.search}`;
        events.onCompleted(
          donation.sessionId,
          { amount: donation.amount, currency: "EUR" },
          run.choices[donation.sessionId],
        );
      },
    },
    {
      setupRequest: (request: Record<string, unknown>, context: Context) => {
        if (!context.returnPath) return null;
        context.route = "GET /api/payments/return";
        return { ...request, method: "GET", path: context.returnPath, headers: {}, body: undefined };
      },
    },
  ];
}
