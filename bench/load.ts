import autocannon from "autocannon";

// One load run with autocannon, reduced to the figures the report uses.

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; or `amount` requests, whichever the caller gives. */
  duration?: number;
  amount?: number;
  /** Requests per second across all connections (a fixed arrival rate), instead of as fast as possible. */
  overallRate?: number;
  request?: LoadRequest;
  /** Called for each request sent; returns the request to send (a fresh body, a different path). */
  next?: () => LoadRequest;
}

export interface LoadResult {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  /** Answers outside 2xx/3xx, connection errors and time-outs. */
  failures: number;
  statuses: Record<string, number>;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const { request, next } = options;
  // autocannon treats a key given as undefined as set, so only what is given is passed.
  const settings: Parameters<typeof autocannon>[0] = {
    url: options.url,
    connections: options.connections,
    timeout: 10,
  };
  if (options.amount) settings.amount = options.amount;
  else settings.duration = options.duration;
  if (options.overallRate) settings.overallRate = options.overallRate;
  if (request) {
    settings.requests = [
      Object.fromEntries(
        Object.entries({ method: request.method ?? "GET", ...request }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    ];
  } else if (next) {
    settings.requests = [
      { setupRequest: (req: Record<string, unknown>) => ({ ...req, method: "GET", ...next() }) },
    ];
  }
  const result = await autocannon(settings);
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count;
  const failures = Object.entries(statuses)
    .filter(([code]) => Number(code) >= 400)
    .reduce((sum, [, count]) => sum + count, result.errors + result.timeouts);
  return {
    rps: result.requests.total / Math.max(result.duration, 0.001),
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures,
    statuses,
  };
}
