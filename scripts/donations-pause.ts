// npm run donations:pause [reason] | npm run donations:resume – flips the run-time pause switch in Redis, which
// every instance reads on each donation start. Without Redis there is no shared switch: set DONATIONS_PAUSED=true.
import { env } from "../lib/env";
import { donationsPauseState, pauseDonations, resumeDonations } from "../lib/donations-pause";

const [action, ...reasonWords] = process.argv.slice(2);

if (!env.UPSTASH_REDIS_REST_URL) {
  console.error(
    "No Redis configured (UPSTASH_REDIS_REST_URL): a running server keeps its own memory, so this script cannot " +
      "reach it. Set DONATIONS_PAUSED=true (or false) and restart instead.",
  );
  process.exit(1);
}

if (action === "pause") await pauseDonations(reasonWords.join(" ") || "paused by an operator");
else if (action === "resume") await resumeDonations();
else {
  console.error("Usage: tsx scripts/donations-pause.ts pause [reason] | resume");
  process.exit(2);
}

const state = await donationsPauseState();
console.log(state.paused ? `Donations are paused (${state.source}).` : "Donations are open.");
if (action === "resume" && state.paused) process.exit(1);
