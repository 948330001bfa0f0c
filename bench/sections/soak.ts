import type { Section } from "../context";
import { load, type LoadRequest } from "../load";
import { rssMb, sleep } from "../processes";
import { donationStart } from "./donation-traffic";

// A steady mixed load (page views, totals reads, donation starts) for --soak seconds, sampling resident memory:
// a leak shows as a climb after the warm-up.
const MIX: LoadRequest[] = [
  { path: "/en" },
  { path: "/api/totals" },
  { path: "/fr/donate" },
  { path: "/api/totals" },
  donationStart(),
];

export const soak: Section = {
  name: "soak",
  async run(context) {
    const seconds = context.options.soakSeconds;
    if (seconds <= 0) return [];
    const samples: number[] = [];
    let running = true;
    const sampler = (async () => {
      while (running) {
        samples.push(rssMb(context.surge.pid));
        await sleep(5_000);
      }
    })();
    let index = 0;
    const result = await load({
      url: context.surge.url,
      connections: 20,
      overallRate: 300,
      duration: seconds,
      next: () => MIX[index++ % MIX.length],
    });
    running = false;
    await sampler;
    // Compared after the first fifth, once caches and the JIT have settled.
    const settled = samples.slice(Math.floor(samples.length / 5));
    const first = settled[0] ?? NaN;
    const last = settled[settled.length - 1] ?? NaN;
    const peak = Math.max(...settled);
    context.log(`soak: RSS ${samples.join(", ")} MB; ${result.failures} failures`);
    return [
      {
        what: `soak, ${seconds} s at 300 req/s mixed`,
        target: "RSS flat (last ≤ 1.1 × settled), no errors",
        measured: `settled ${first} MB, last ${last} MB, peak ${peak} MB, ${result.failures} errors`,
        ratio: `${(last / first).toFixed(2)} ×`,
        met: last <= first * 1.1 && result.failures === 0,
      },
    ];
  },
};
