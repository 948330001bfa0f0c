import path from "node:path";
import { startEdge } from "@/deploy/nginx/edge";
import { describe, measureTogether, type Section } from "../context";

// /en through the shipped edge (deploy/nginx/surge.conf.template in front of the Surge build) against nginx serving
// the same bytes from disk: what the micro-cache costs over a file. Both are nginx, and a single load generator on
// the same two cores is the ceiling for both, so the ratio says whether the edge adds work per request, not how
// far nginx itself goes (wrk reaches several times more than autocannon).
export const edge: Section = {
  name: "edge",
  async run(context) {
    const { surge, nginx, options } = context;
    if (!nginx) {
      context.notes.push("The edge figure needs nginx serving /en from disk, which did not start.");
      return [];
    }
    const proxy = await startEdge({
      port: options.ports.edge,
      upstreams: [new URL(surge.url).host],
      dir: path.join(options.logDir, "edge"),
      // The load generator is one address: the per-address limits would measure themselves, not the cache.
      unlimited: ["127.0.0.1"],
    });
    try {
      const [fromDisk, throughEdge] = await measureTogether(context, [
        { label: "nginx, /en from disk", url: `${nginx.url}/en`, pid: nginx.pid },
        { label: "/en through the edge", url: `${proxy.url}/en`, pid: proxy.pid },
      ]);
      context.log(`nginx from disk: ${describe(fromDisk)}; through the edge: ${describe(throughEdge)}`);
      const strip = (text: string) => text.replace(/, [\d.]+ ms CPU\/req/, "");
      return [
        { what: "nginx, Surge's /en bytes from disk", target: "", measured: strip(describe(fromDisk)) },
        {
          what: "/en through the edge (deploy/nginx), cached",
          target: "≥ 0.8 × nginx from disk",
          measured: strip(describe(throughEdge)),
          ratio: `${(throughEdge.rps / fromDisk.rps).toFixed(2)} ×`,
          met: throughEdge.rps >= 0.8 * fromDisk.rps && throughEdge.failures === 0,
        },
      ];
    } finally {
      await proxy.stop();
    }
  },
};
