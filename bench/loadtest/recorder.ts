// Every answer of the run, by route and by second: the per-route table, the progress line and the chart.

export interface RouteFigures {
  route: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers with a 4xx or 5xx status, and connection errors, by status. */
  errors: Record<string, number>;
}

export interface Second {
  second: number;
  requests: number;
  donorRequests: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0;

export function createRecorder() {
  const started = performance.now();
  const routes = new Map<string, { latencies: number[]; statuses: Record<string, number> }>();
  const seconds: Array<{ latencies: number[]; donor: number }> = [];

  function record(route: string, status: number | "connection", ms: number, donor: boolean) {
    let entry = routes.get(route);
    if (!entry) routes.set(route, (entry = { latencies: [], statuses: {} }));
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    if (status === "connection") return;
    entry.latencies.push(ms);
    const index = Math.floor((performance.now() - started) / 1000);
    while (seconds.length <= index) seconds.push({ latencies: [], donor: 0 });
    seconds[index].latencies.push(ms);
    if (donor) seconds[index].donor++;
  }

  function timeline(): Second[] {
    return seconds.map(({ latencies, donor }, second) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        second,
        requests: latencies.length,
        donorRequests: donor,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
      };
    });
  }

  function figures(durationSeconds: number): RouteFigures[] {
    return [...routes.entries()]
      .map(([route, { latencies, statuses }]) => {
        const sorted = [...latencies].sort((a, b) => a - b);
        const errors = Object.fromEntries(
          Object.entries(statuses).filter(([status]) => status === "connection" || Number(status) >= 400),
        );
        const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0);
        return {
          route,
          requests,
          rps: requests / durationSeconds,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          errors,
        };
      })
      .sort((a, b) => b.requests - a.requests);
  }

  return { record, timeline, figures };
}

export type Recorder = ReturnType<typeof createRecorder>;
