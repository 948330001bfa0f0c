// GET /api/ready – readiness: the database and the cache answer for real, or 503 naming what failed.
import { checkReadiness } from "@/lib/observability/readiness";
import { readinessChecks } from "@/lib/observability/readiness-checks";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await checkReadiness(readinessChecks);
  return Response.json(
    { status: ready ? "ok" : "unavailable", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
