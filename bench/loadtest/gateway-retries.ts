import { signedCallback, type Outcome } from "../sections/donation-traffic";
import type { Choice } from "./donor-flow";
import type { Recorder } from "./recorder";

// A real gateway's callbacks arrive more than once, late, and out of order: it retries until it sees a 2xx, its
// queues reorder, and a retry can land after the donor is long back on the site. The sandbox already called back
// once when the donor pressed the button; this sends that outcome again as the gateway's retries would: the same
// event twice, each after its own random delay of up to 8 s, so the copies of different donations interleave.

const TYPE_BY_CHOICE: Partial<Record<Choice, Outcome>> = {
  pay: "payment.succeeded",
  decline: "payment.failed",
  cancel: "payment.cancelled",
};
const MAX_DELAY_MS = 8_000;

export function gatewayRetries(baseUrl: string, secret: string, recorder: Recorder) {
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  const send = async (request: ReturnType<typeof signedCallback>) => {
    const began = performance.now();
    try {
      const response = await fetch(`${baseUrl}${request.path}`, {
        method: "POST",
        headers: request.headers,
        body: request.body,
      });
      await response.arrayBuffer();
      recorder.record(
        "POST /api/payments/callback (retries)",
        response.status,
        performance.now() - began,
        true,
      );
    } catch {
      recorder.record("POST /api/payments/callback (retries)", "connection", 0, true);
    }
    sent++;
  };
  return {
    schedule(sessionId: string, donation: { amount: number; currency: string }, choice: Choice) {
      const type = TYPE_BY_CHOICE[choice];
      if (!type) return;
      const request = signedCallback({ sessionId, ...donation }, type, undefined, secret);
      for (let copy = 0; copy < 2; copy++) {
        const delivery: Promise<void> = new Promise<void>((resolve) =>
          setTimeout(resolve, Math.random() * MAX_DELAY_MS),
        )
          .then(() => send(request))
          .finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
    },
    /** Waits for the retries still on their way, as the gateway delivers them after the crowd has gone. */
    async drain() {
      while (inFlight.size) await Promise.all([...inFlight]);
      return sent;
    },
  };
}
