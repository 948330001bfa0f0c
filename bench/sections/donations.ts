import { describe, perSecond, type Section } from "../context";
import { load } from "../load";
import type { Row } from "../report";
import { donationStart } from "./donation-traffic";

// POST /api/donations on the sandbox gateway, with the rate limits on but set far above this load, at a fixed
// arrival rate with a latency bound (its throughput against the bare JSON route is in the api section).
export const donations: Section = {
  name: "donations",
  async run(context) {
    const rows: Row[] = [];
    const rate = context.options.donationRate;
    const fixed = await load({
      url: context.surge.url,
      request: donationStart(),
      connections: Math.min(100, rate),
      overallRate: rate,
      duration: context.options.seconds,
    });
    context.log(`POST /api/donations at ${rate}/s: ${describe(fixed)}`);
    rows.push({
      what: `POST /api/donations at ${rate}/s arrival rate`,
      target: `≥ ${rate}/s, p99 < 100 ms, no errors`,
      measured: `${perSecond(fixed.rps)}, p99 ${fixed.p99} ms, ${fixed.failures} errors`,
      met: fixed.rps >= rate * 0.97 && fixed.p99 < 100 && fixed.failures === 0,
    });
    return rows;
  },
};
