// GET /api/health – liveness: the process answers. No dependency is touched, so a database outage never gets
// healthy instances restarted.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
