// GET /api/donations/status – whether donations are open, for the notice on the prerendered donate page
import { donationsPauseState } from "@/lib/donations-pause";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const dynamic = "force-dynamic";

export const GET = withRequestLogging("GET /api/donations/status", async () => {
  const { paused } = await donationsPauseState();
  return Response.json(
    { paused },
    // Every visitor of the donate page asks; a CDN answers them, and a pause reaches everyone within seconds.
    { headers: { "Cache-Control": "public, max-age=0, s-maxage=5, stale-while-revalidate=10" } },
  );
});
