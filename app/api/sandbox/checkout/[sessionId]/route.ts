// POST /api/sandbox/checkout/{sessionId} – the simulated gateway records Pay, Decline or Cancel
import { readBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { seeOther } from "@/lib/http/see-other";
import { withRequestLogging } from "@/lib/observability/with-request-logging";
import { completeSandboxCheckout } from "@/lib/payments/sandbox/complete-checkout";

export const POST = withRequestLogging(
  "POST /api/sandbox/checkout/{sessionId}",
  async (request, { params }: RouteContext<"/api/sandbox/checkout/[sessionId]">) => {
    assertSameOrigin(request);
    const { sessionId } = await params;
    const form = new URLSearchParams(await readBody(request, { maxBytes: 1024 }));
    return seeOther(await completeSandboxCheckout(sessionId, form.get("choice")));
  },
);
