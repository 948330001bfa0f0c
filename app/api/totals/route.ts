// GET /api/totals – the raised amount for the live counter on the home page
import { getLiveTotals } from "@/lib/campaign/totals";

// A static route regenerated in the background: every request is answered from the cache, which is rebuilt at
// most every 2 s (LIVE_TOTALS_SECONDS, spelled out because Next.js reads it statically) or as soon as a confirmed
// payment invalidates the totals tag. No request waits on the database, whatever the traffic. Being served from
// the cache, it runs no per-request code (its X-Request-Id comes from the server hook).
export const revalidate = 2;

export async function GET() {
  return Response.json(await getLiveTotals());
}
