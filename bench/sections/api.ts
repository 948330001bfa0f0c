import { describe, measureTogether, ratio, type Section } from "../context";
import type { Row } from "../report";
import { donationStart } from "./donation-traffic";

// The JSON routes against the bare app's tiny JSON route, measured together: /api/totals (which a page view
// triggers), /api/health, and a donation start on the sandbox gateway with the limits on but not binding.
export const api: Section = {
  name: "api",
  async run(context) {
    const { surge, bare } = context;
    const [bareJson, barePost, totals, health, donations] = await measureTogether(context, [
      { label: "bare JSON", url: `${bare.url}/api/json`, pid: bare.pid },
      {
        label: "bare JSON POST",
        url: bare.url,
        pid: bare.pid,
        request: { ...donationStart(), path: "/api/json" },
      },
      { label: "/api/totals", url: `${surge.url}/api/totals`, pid: surge.pid },
      { label: "/api/health", url: `${surge.url}/api/health`, pid: surge.pid },
      { label: "POST /api/donations", url: surge.url, pid: surge.pid, request: donationStart() },
    ]);
    context.log(`bare JSON: ${describe(bareJson)}`);
    context.log(`bare JSON POST: ${describe(barePost)}`);
    context.log(`/api/totals: ${describe(totals)}`);
    context.log(`/api/health: ${describe(health)}`);
    context.log(`POST /api/donations: ${describe(donations)}`);
    const rows: Row[] = [
      { what: "bare Next.js JSON route", target: "", measured: describe(bareJson) },
      {
        what: "GET /api/totals",
        target: "≥ 0.8 × bare JSON",
        measured: describe(totals),
        ratio: ratio(totals, bareJson),
        met: totals.rps >= 0.8 * bareJson.rps && totals.failures === 0,
      },
      // Not a target: what the framework alone costs a route that reads a body, beside the one compared against.
      {
        what: "bare Next.js JSON route, POST with a donation's body",
        target: "",
        measured: describe(barePost),
        ratio: ratio(barePost, bareJson),
      },
      { what: "GET /api/health", target: "", measured: describe(health), ratio: ratio(health, bareJson) },
      {
        what: "POST /api/donations (sandbox)",
        target: "≥ 0.5 × bare JSON",
        measured: describe(donations),
        ratio: ratio(donations, bareJson),
        met: donations.rps >= 0.5 * bareJson.rps && donations.failures === 0,
      },
    ];
    return rows;
  },
};
