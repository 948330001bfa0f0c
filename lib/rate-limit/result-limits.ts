import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { clientLimitKey } from "./donation-limits";
import { createLimiter, type LimitResult } from "./index";

// The two pages a donor reaches after paying read the database (and the return asks the gateway): a loop on
// either must not starve the connections that callbacks need. A real donor comes back once, and a pending
// success page reloads every few seconds, well within RATE_LIMIT_RESULTS_PER_MINUTE.
const paymentReturns = createLimiter("payment-return:client", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_RESULTS_PER_MINUTE,
  windowSeconds: 60,
});
const resultPages = createLimiter("result-page:client", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_RESULTS_PER_MINUTE,
  windowSeconds: 60,
});

export const limitPaymentReturn = (headers: Headers): Promise<LimitResult> =>
  paymentReturns.limit(clientLimitKey(clientAddress(headers)));

export const limitResultPage = (headers: Headers): Promise<LimitResult> =>
  resultPages.limit(clientLimitKey(clientAddress(headers)));
