// GET /api/totals – the raised amount for the live counter on the home page
import { getTotals } from "@/lib/campaign/totals";
import { campaign } from "@/lib/campaign/config";

export async function GET() {
  const totals = await getTotals();
  return Response.json(totals, {
    headers: {
      // A CDN answers the flood; the data cache behind it asks the database at most once per interval.
      "Cache-Control": `public, max-age=0, s-maxage=${Math.min(5, campaign.revalidateSeconds)}, stale-while-revalidate=30`,
    },
  });
}
