// npm run loadtest – replays launch night against Surge's production build (built and started here on real
// PostgreSQL and Redis) or a running deployment (--url), prints per-route figures, writes them as JSON and an SVG
// chart, and proves nothing was lost. Options: see bench/loadtest/options.ts. Exits non-zero when something was.
import { runLoadtest } from "@/bench/loadtest/main";
import { parseLoadtestOptions } from "@/bench/loadtest/options";

const passed = await runLoadtest(parseLoadtestOptions(process.argv.slice(2)));
process.exit(passed ? 0 : 1);
