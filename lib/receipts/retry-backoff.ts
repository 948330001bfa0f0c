// A mail server outage can last hours: retries back off from 30 s, doubling up to an hour between attempts, and
// give up after MAX_ATTEMPTS (about 14 hours of trying). Jitter spreads the retries of a backlog over time, so a
// recovering server is not hit by every receipt in the same second.
export const MAX_ATTEMPTS = 20;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3_600_000;

/** How long to wait after the `attempts`-th failed attempt (1-based). */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** (attempts - 1), MAX_DELAY_MS);
  return Math.round(base * (1 + random() * 0.2));
}
