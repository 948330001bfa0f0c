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
  return {
    async state(): Promise<PauseState> {
      if (pausedByEnvironment) return { paused: true, source: "environment" };
      try {
        return (await store.get(key)) === null ? { paused: false } : { paused: true, source: "switch" };
      } catch (error) {
        // A Redis outage must not stop donations on its own; the readiness check reports the outage.
        logger.warn("donations_pause.unreadable", { error });
        return { paused: false };
      }
    },
    async pause(reason: string) {
      await store.set(key, JSON.stringify({ reason, at: new Date().toISOString() }));
    },
    async resume() {
      await store.del(key);
    },
  };
}
