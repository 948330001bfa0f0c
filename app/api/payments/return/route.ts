// GET /api/payments/return – where the gateway sends the donor back; the outcome is asked of the gateway
import { toErrorResponse } from "@/lib/api/errors";
import { returnDestination } from "@/lib/donations/return-destination";
import { seeOther } from "@/lib/http/see-other";

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  try {
    const destination = await returnDestination(
      { donationId: query.get("donation"), sessionId: query.get("session") },
      request.headers,
    );
    return seeOther(destination);
  } catch (error) {
    return toErrorResponse(error);
  }
}
