// The small key-value interface the app needs from Redis; vendor clients stay behind it.
export interface KeyValueStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { ttlSeconds?: number }): Promise<void>;
  del(key: string): Promise<void>;
  /** Throws when the store cannot answer; readiness uses it. */
  ping(): Promise<void>;
}
