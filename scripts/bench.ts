// npm run bench – how many page views and totals reads a running server answers, and how fast.
// Start the site first (npm run local), then: BENCH_URL=http://127.0.0.1:3000 npm run bench
// Prints figures only; compare runs made on the same machine in one sitting, never absolute numbers across machines.
import autocannon from "autocannon";

const base = process.env.BENCH_URL || "http://127.0.0.1:3000";
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const paths = ["/en", "/ar/donate", "/en/about", "/api/totals"];

console.log(`bench: ${base}, ${connections} connections, ${seconds}s per path`);
console.log("path".padEnd(14), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "non-2xx".padStart(8));
for (const path of paths) {
  const result = await autocannon({ url: `${base}${path}`, connections, duration: seconds });
  console.log(
    path.padEnd(14),
    result.requests.average.toFixed(0).padStart(9),
    String(result.latency.p50).padStart(8),
    String(result.latency.p99).padStart(8),
    String(result.non2xx + result.errors).padStart(8),
  );
}
