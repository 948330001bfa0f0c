import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";
import type { KeyValueStore } from "./store";

/** Every command through the Redis breaker: a slow Redis fails within the breaker's deadline, then at once. */
export function createGuardedStore(store: KeyValueStore, breaker: CircuitBreaker): KeyValueStore {
  return {
    kind: store.kind,
    get: (key) => breaker.run(() => store.get(key)),
    set: (key, value, options) => breaker.run(() => store.set(key, value, options)),
    del: (key) => breaker.run(() => store.del(key)),
    ping: () => breaker.run(() => store.ping()),
  };
}
