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
  /** Throws CircuitOpenError while open or while a half-open trial is in flight, without taking a permit. */
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
    // Read through a function, so a test's clock (vi.setSystemTime) is the breaker's clock too.
    now = () => Date.now(),
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

  const settle = async <T>(isTrial: boolean, call: () => Promise<T>): Promise<T> => {
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
  };

  const reserve = (): BreakerPermit => {
    const current = state();
    if (current === "open" || (current === "half-open" && trialInFlight)) refuse();
    const isTrial = current === "half-open";
    if (isTrial) trialInFlight = true;
    let used = false;
    return {
      run(call) {
        if (used) throw new Error(`${name}: a breaker permit is used once`);
        used = true;
        return settle(isTrial, call);
      },
      release() {
        if (used) return;
        used = true;
        if (isTrial) trialInFlight = false;
      },
    };
  };

  return {
    state,
    reserve,
    rejectIfOpen() {
      const current = state();
      if (current === "open" || (current === "half-open" && trialInFlight)) refuse();
    },
    async run(call) {
      return reserve().run(call);
    },
  };
}
