// POST /api/reconcile – settles donations left pending; called by a scheduler holding the reconcile secret
import { toErrorResponse } from "@/lib/api/errors";
import { reconcilePending } from "@/lib/donations/reconcile-pending";
import { secrets } from "@/lib/env";
import { assertBearerSecret } from "@/lib/http/bearer-secret";

export async function POST(request: Request) {
  try {
    // First, before the body, the database or the lock: a caller without the secret costs two hashes.
    assertBearerSecret(request, secrets.reconcile);
    return Response.json(await reconcilePending(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
