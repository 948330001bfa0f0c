// npm run bench – builds and starts Surge's production build on a fresh PostgreSQL database, a bare Next.js app
// and nginx, measures every launch-day target against them, prints the table and writes docs/benchmarks.md.
// Options (durations, sections, ports): see bench/options.ts. Exits non-zero when a target is missed.
import { runBench } from "@/bench/main";
import { parseOptions } from "@/bench/options";

const options = parseOptions(process.argv.slice(2));
const met = await runBench(options);
process.exit(met ? 0 : 1);
