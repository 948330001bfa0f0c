import { logger } from "@/lib/observability/logger";
import type { KeyValueStore } from "@/lib/redis";

export type PauseState = { paused: false } | { paused: true; source: "environment" | "switch" };

/**
 * Donations can be paused two ways: DONATIONS_PAUSED=true at deploy time, or a key in Redis flipped at run time by
 * `npm run donations:pause` (every instance sees it at once, no redeploy). Only donation starts stop; every page
 * stays up and cached.
 */
export function createPauseSwitch(options: {
  store: KeyValueStore;
  key: string;
  pausedByEnvironment: boolean;
}) {
  const { store, key, pausedByEnvironment } = options;
  // What this instance last read: while Redis cannot be read, a pause already seen holds, and a Redis outage alone
  // never stops donations (the readiness check reports it).
  let lastKnown: PauseState = { paused: false };
  return {
    async state(): Promise<PauseState> {
      if (pausedByEnvironment) return { paused: true, source: "environment" };
      try {
        lastKnown = (await store.get(key)) === null ? { paused: false } : { paused: true, source: "switch" };
      } catch (error) {
        logger.warn("donations_pause.unreadable", { error });
      }
      return lastKnown;
    },
    async pause(reason: string) {
      await store.set(key, JSON.stringify({ reason, at: new Date().toISOString() }));
    },
    async resume() {
      await store.del(key);
    },
  };
}
