// POST /api/donations – start a donation (JSON clients and the donate page's no-JavaScript form)
import { answerDonationStart } from "@/lib/donations/answer-donation-start";
import { decideDonationStart } from "@/lib/donations/decide-donation-start";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

async function startDonationRoute(request: Request) {
  return answerDonationStart(await decideDonationStart(request));
}

export const POST = withRequestLogging("POST /api/donations", startDonationRoute);
