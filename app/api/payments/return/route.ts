// GET /api/payments/return – where the gateway sends the donor back; the outcome is asked of the gateway
import { returnDestination } from "@/lib/donations/return-destination";
import { seeOther } from "@/lib/http/see-other";
import { withRequestLogging } from "@/lib/observability/with-request-logging";
import { withDatabase } from "@/lib/resilience/database-guard";

export const GET = withRequestLogging("GET /api/payments/return", async (request) => {
  const query = new URL(request.url).searchParams;
  const donation = { donationId: query.get("donation"), sessionId: query.get("session") };
  return seeOther(await withDatabase(() => returnDestination(donation, request.headers)));
});
