import { describe, perSecond, type Section } from "../context";
import { atFixedRate } from "../arrivals";
import type { Row } from "../report";
import { donationStart } from "./donation-traffic";

// POST /api/donations on the sandbox gateway, with the rate limits on but set far above this load, at a fixed
// arrival rate with a latency bound (its throughput against the bare JSON route is in the api section). The bare
// app's POST route takes the same arrivals first: what the framework alone answers at that rate.
export const donations: Section = {
  name: "donations",
  async run(context) {
    const rate = context.options.donationRate;
    const { seconds, warmup } = context.options;
    const bare = { url: context.bare.url, request: { ...donationStart(), path: "/api/json" } };
    const surge = { url: context.surge.url, request: donationStart() };
    // Unmeasured first, like every other figure: the same arrivals for the JIT.
    for (const target of warmup > 0 ? [bare, surge] : []) {
      await atFixedRate({ ...target, rate, seconds: warmup, connections: 100 });
    }
    const floor = await atFixedRate({ ...bare, rate, seconds, connections: 100 });
    const fixed = await atFixedRate({ ...surge, rate, seconds, connections: 100 });
    context.log(`bare JSON POST at ${rate}/s: ${describe(floor)}`);
    context.log(`POST /api/donations at ${rate}/s: ${describe(fixed)}`);
    const rows: Row[] = [
      {
        what: `bare Next.js JSON route, POST with a donation's body, at ${rate}/s arrival rate`,
        target: "",
        measured: `${perSecond(floor.rps)}, p50 ${floor.p50} ms, p99 ${floor.p99} ms, ${floor.failures} errors`,
      },
      {
        what: `POST /api/donations at ${rate}/s arrival rate`,
        target: `≥ ${rate}/s, p99 < 100 ms, no errors`,
        measured: `${perSecond(fixed.rps)}, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms, ${fixed.failures} errors`,
        met: fixed.rps >= rate * 0.97 && fixed.p99 < 100 && fixed.failures === 0,
      },
    ];
    return rows;
  },
};
