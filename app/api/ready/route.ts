// GET /api/ready – readiness: the database and the cache answer for real, or 503 naming what failed.
import { checkReadiness } from "@/lib/observability/readiness";
import { readinessChecks } from "@/lib/observability/readiness-checks";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const dynamic = "force-dynamic";

export const GET = withRequestLogging("GET /api/ready", async () => {
  const { ready, checks } = await checkReadiness(readinessChecks);
  return Response.json(
    { status: ready ? "ok" : "unavailable", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
