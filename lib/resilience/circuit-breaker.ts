import CircuitBreakerImpl from "opossum";

// When the database or the gateway keeps failing, waiting on each request only piles requests up until the server
// falls over. opossum keeps the count: once at least `failureThreshold` calls have been made in its 10-second
// window and more than half of them failed, the breaker opens and calls fail at once; after `openMs` one trial
// call is let through (half-open) and its outcome closes or reopens the breaker. What stays ours: the deadlines,
// which errors count as the dependency failing, and the error a refusal raises (a 503 with Retry-After upstream).
export type BreakerState = "closed" | "open" | "half-open";

export class CircuitOpenError extends Error {
  constructor(
    readonly breaker: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`${breaker} is unavailable (circuit open)`);
    this.name = "CircuitOpenError";
  }
}

export class CallTimeoutError extends Error {
  constructor(breaker: string, timeoutMs: number) {
    super(`${breaker} did not answer within ${timeoutMs} ms`);
    this.name = "CallTimeoutError";
  }
}

export type BreakerOptions = {
  name: string;
  failureThreshold?: number;
  openMs?: number;
  /** A call slower than this counts as failed, so a hanging dependency opens the breaker like a refusing one. */
  timeoutMs?: number;
  /** Errors that say nothing about the dependency's health (a unique-key conflict) do not count. */
  isFailure?: (error: unknown) => boolean;
  /** The clock the Retry-After is computed with. */
  now?: () => number;
};

export type CircuitBreaker = {
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Throws CircuitOpenError while open, without using up a half-open trial. */
  rejectIfOpen(): void;
  state(): BreakerState;
};

export function createCircuitBreaker(options: BreakerOptions): CircuitBreaker {
  const {
    name,
    failureThreshold = 5,
    openMs = 10_000,
    timeoutMs,
    isFailure = () => true,
    now = Date.now,
  } = options;
  const breaker = new CircuitBreakerImpl((call: () => Promise<unknown>) => call(), {
    name,
    timeout: timeoutMs ?? false,
    resetTimeout: openMs,
    volumeThreshold: failureThreshold,
    errorThresholdPercentage: 50,
    // opossum calls an error it is told to ignore a success: the dependency answered.
    errorFilter: (error: unknown) => !isFailure(error),
    // Nothing reads its periodic snapshots; they would only keep a timer busy.
    enableSnapshots: false,
  });
  let openedAt = now();
  breaker.on("open", () => (openedAt = now()));
  // opossum's own refusals and deadlines, told apart from a caller's errors that happen to carry the same code.
  const refusals = new WeakSet<object>();
  const timeouts = new WeakSet<object>();
  breaker.on("reject", (error: Error) => refusals.add(error));
  breaker.on("timeout", (error: Error) => timeouts.add(error));

  const state = (): BreakerState => (breaker.halfOpen ? "half-open" : breaker.opened ? "open" : "closed");
  const openError = () => {
    const remainingMs = openMs - (now() - openedAt);
    return new CircuitOpenError(name, Math.max(1, Math.ceil(remainingMs / 1000)));
  };

  return {
    state,
    rejectIfOpen() {
      if (state() === "open") throw openError();
    },
    async run<T>(call: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(call)) as T;
      } catch (error) {
        if (error instanceof Object && refusals.has(error)) throw openError();
        if (error instanceof Object && timeouts.has(error)) throw new CallTimeoutError(name, timeoutMs ?? 0);
        throw error;
      }
    },
  };
}
