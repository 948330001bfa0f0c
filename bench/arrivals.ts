import http from "node:http";
import type { Socket } from "node:net";
import type { LoadRequest, LoadResult } from "./load";

// Requests at a fixed arrival rate, evenly spaced and sent whether or not earlier ones were answered, as donors
// arrive. autocannon's overallRate gives each of its connections an equal share and a timer of its own, started
// together: at 600/s over 100 connections they fire in bursts of 100 every 166 ms, and the bare Next.js JSON route
// itself then answered with p50 49 ms and p99 475 ms (20 connections: p50 9 ms, p99 41 ms). Each latency here is
// measured from the moment the request was due, so one held back by busy connections counts the wait too.

export async function atFixedRate(options: {
  url: string;
  request: LoadRequest;
  /** Requests per second. */
  rate: number;
  seconds: number;
  /** Connections the requests may use at once; a request due while all are busy waits for one. */
  connections: number;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const { method = "GET", path, headers = {}, body } = options.request;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  let lastAnswer = 0;
  // Node's request.reusedSocket is true only for a connection found idle; one handed over by the agent to a request
  // that was waiting for it reads false. So the client keeps its own record of connections already used.
  const usedSockets = new WeakSet<Socket>();
  const start = performance.now();

  await new Promise<void>((resolve) => {
    let sent = 0;
    let answered = 0;
    const settle = (due: number, status: string) => {
      lastAnswer = performance.now();
      latencies.push(lastAnswer - due);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === "error" || Number(status) >= 400) failures++;
      if (++answered === total) resolve();
    };
    const send = (due: number, retry = true) => {
      let responded = false;
      let reused = false;
      const request = http.request(
        // The second try takes a connection of its own: another kept-alive one could be just as stale.
        {
          agent: retry ? agent : false,
          host: target.hostname,
          port: target.port,
          path,
          method,
          headers,
          timeout: 10_000,
        },
        (response) => {
          responded = true;
          response.resume();
          response.on("end", () => settle(due, String(response.statusCode)));
        },
      );
      request.on("socket", (socket) => {
        reused = usedSockets.has(socket);
        usedSockets.add(socket);
      });
      request.on("timeout", () => request.destroy(new Error("timed out")));
      request.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed for idleness (its keepAliveTimeout) just as this request was
        // written on it: the server never read the request, and a browser sends it again on a new connection.
        // So does this client, once, on a new connection, still timing it from when it was due.
        if (retry && !responded && reused && error.code === "ECONNRESET") send(due, false);
        else settle(due, "error");
      });
      request.end(body);
    };
    const tick = () => {
      for (
        let due = start + sent * interval;
        sent < total && due <= performance.now();
        due = start + sent * interval
      ) {
        send(due);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]);
  return {
    rps: total / ((lastAnswer - start) / 1000),
    total,
    p50: percentile(0.5),
    p99: percentile(0.99),
    failures,
    statuses,
  };
}
