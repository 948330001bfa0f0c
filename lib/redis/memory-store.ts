import type { KeyValueStore } from "./store";

// The embedded default: one process, nothing shared. Good for `npm run local` and single-instance deployments.
export function createMemoryStore(now: () => number = Date.now): KeyValueStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) entries.delete(key);
    return entries.get(key);
  };

  return {
    kind: "memory",
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, options) {
      const expiresAt = options?.ttlSeconds ? now() + options.ttlSeconds * 1000 : Number.POSITIVE_INFINITY;
      entries.set(key, { value, expiresAt });
    },
    async del(key) {
      entries.delete(key);
    },
    async ping() {},
  };
}
