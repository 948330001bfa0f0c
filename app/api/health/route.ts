// GET /api/health – liveness: the process answers. No dependency is touched, so a database outage never gets
// healthy instances restarted.
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const dynamic = "force-dynamic";

export const GET = withRequestLogging("GET /api/health", () =>
  Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
