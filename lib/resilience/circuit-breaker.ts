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

/** The right to make one call: taken before any work that the call needs (a row written for it), used once. */
export type BreakerPermit = {
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Gives an unused permit back, so a half-open trial that never called does not block the next one. */
  release(): void;
};

export type CircuitBreaker = {
  run<T>(call: () => Promise<T>): Promise<T>;
  /**
   * Throws CircuitOpenError while open, and while half-open with the one trial already taken; otherwise hands out
   * a permit (the trial itself when half-open). Callers that write before calling take it before writing.
   */
  reserve(): BreakerPermit;
  /** Throws CircuitOpenError while open or while a half-open trial is taken, without taking a permit. */
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

  // The half-open trial is reserved here, before the caller's own work, so a second caller is refused before it
  // writes anything for a call that would be refused anyway.
  let trialTaken = false;
  const fire = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return (await breaker.fire(call)) as T;
    } catch (error) {
      if (error instanceof Object && refusals.has(error)) throw openError();
      if (error instanceof Object && timeouts.has(error)) throw new CallTimeoutError(name, timeoutMs ?? 0);
      throw error;
    }
  };

  const reserve = (): BreakerPermit => {
    const current = state();
    if (current === "open" || (current === "half-open" && trialTaken)) throw openError();
    const isTrial = current === "half-open";
    if (isTrial) trialTaken = true;
    let used = false;
    return {
      run(call) {
        if (used) throw new Error(`${name}: a breaker permit is used once`);
        used = true;
        return fire(call).finally(() => {
          if (isTrial) trialTaken = false;
        });
      },
      release() {
        if (used) return;
        used = true;
        if (isTrial) trialTaken = false;
      },
    };
  };

  return {
    state,
    reserve,
    rejectIfOpen() {
      const current = state();
      if (current === "open" || (current === "half-open" && trialTaken)) throw openError();
    },
    async run<T>(call: () => Promise<T>): Promise<T> {
      return reserve().run(call);
    },
  };
}
