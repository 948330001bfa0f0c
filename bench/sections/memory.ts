import type { Section } from "../context";
import { peakRssMb, rssMb, sleep } from "../processes";

// Resident memory of both `next start` processes once everything above has run against them and both have been idle
// long enough to give back what the load took. V8 shrinks its heap only when its memory reducer runs, some seconds
// after allocation stops: read 5 s after its load, one server had 531 MB and 10 s later 174 MB, and which of the two
// servers happened to be caught before its reducer decided the comparison. 20 s leaves both time for it.
const SETTLE_MS = 20_000;

export const memory: Section = {
  name: "memory",
  async run(context) {
    await sleep(SETTLE_MS);
    const surge = rssMb(context.surge.pid);
    const bare = rssMb(context.bare.pid);
    const peaks = `peaks ${peakRssMb(context.surge.pid)} / ${peakRssMb(context.bare.pid)} MB`;
    context.log(`RSS: Surge ${surge} MB, bare ${bare} MB (${peaks})`);
    return [
      {
        what: "`next start` resident memory after the run",
        target: "≤ 1.25 × bare app",
        measured: `Surge ${surge} MB, bare ${bare} MB (${peaks})`,
        ratio: `${(surge / bare).toFixed(2)} ×`,
        met: surge <= 1.25 * bare,
      },
    ];
  },
};
