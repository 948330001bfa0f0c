// POST /api/sandbox/checkout/{sessionId} – the simulated gateway records Pay, Decline or Cancel
import { toErrorResponse } from "@/lib/api/errors";
import { readBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { seeOther } from "@/lib/http/see-other";
import { completeSandboxCheckout } from "@/lib/payments/sandbox/complete-checkout";

export async function POST(request: Request, { params }: RouteContext<"/api/sandbox/checkout/[sessionId]">) {
  try {
    assertSameOrigin(request);
    const { sessionId } = await params;
    const form = new URLSearchParams(await readBody(request, { maxBytes: 1024 }));
    return seeOther(await completeSandboxCheckout(sessionId, form.get("choice")));
  } catch (error) {
    return toErrorResponse(error);
  }
}
