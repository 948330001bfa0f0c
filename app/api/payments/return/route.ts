// GET /api/payments/return – where the gateway sends the donor back; the outcome is asked of the gateway
import { returnDestination } from "@/lib/donations/return-destination";
import { seeOther } from "@/lib/http/see-other";
import { getGateway } from "@/lib/payments/get-gateway";

export async function GET(request: Request) {
  const sessionId = new URL(request.url).searchParams.get("session");
  return seeOther(await returnDestination(getGateway(), sessionId));
}
