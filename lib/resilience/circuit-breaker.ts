// When the database or the gateway keeps failing, waiting on each request only piles requests up until the server
// falls over. After `failureThreshold` failures in a row the breaker opens and calls fail at once; after `openMs`
// one trial call is let through (half-open) and its outcome closes or reopens the breaker.
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
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const state = (): BreakerState => {
    if (openedAt === null) return "closed";
    return now() - openedAt >= openMs ? "half-open" : "open";
  };

  const withDeadline = <T>(promise: Promise<T>): Promise<T> => {
    if (!timeoutMs) return promise;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CallTimeoutError(name, timeoutMs)), timeoutMs);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  };

  const refuse = (): never => {
    const remainingMs = openedAt === null ? openMs : openMs - (now() - openedAt);
    throw new CircuitOpenError(name, Math.max(1, Math.ceil(remainingMs / 1000)));
  };

  return {
    state,
    rejectIfOpen() {
      if (state() === "open") refuse();
    },
    async run(call) {
      const current = state();
      if (current === "open" || (current === "half-open" && trialInFlight)) refuse();
      const isTrial = current === "half-open";
      if (isTrial) trialInFlight = true;
      try {
        const result = await withDeadline(call());
        failures = 0;
        openedAt = null;
        return result;
      } catch (error) {
        if (isFailure(error) || error instanceof CallTimeoutError) {
          failures += 1;
          if (isTrial || failures >= failureThreshold) openedAt = now();
        } else if (isTrial) {
          openedAt = null;
          failures = 0;
        }
        throw error;
      } finally {
        if (isTrial) trialInFlight = false;
      }
    },
  };
}
