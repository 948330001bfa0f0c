// POST /api/reconcile – settles donations left pending; called by a scheduler holding the reconcile secret
import { reconcilePending } from "@/lib/donations/reconcile-pending";
import { secrets } from "@/lib/env";
import { assertBearerSecret } from "@/lib/http/bearer-secret";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const POST = withRequestLogging("POST /api/reconcile", async (request) => {
  // First, before the body, the database or the lock: a caller without the secret costs two hashes.
  assertBearerSecret(request, secrets.reconcile);
  return Response.json(await reconcilePending(), { headers: { "Cache-Control": "no-store" } });
});
