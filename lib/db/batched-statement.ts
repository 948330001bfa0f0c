import { isDatabaseUnavailable } from "@/lib/resilience/database-outage";

// Group commit. On launch night hundreds of donation starts and callbacks a second each run the same few statements;
// sent one by one, every one of them costs a round trip, a wake-up of a PostgreSQL backend and a commit, and on a
// small machine that work competes with the web server for the same cores. A batched statement sends whatever
// callers are waiting as one multi-row statement: one round trip and one commit for all of them. When nothing else
// is waiting a caller's item goes alone, at once, so a quiet site pays nothing for it; under load the batch grows
// with the load, and each caller waits at most for the batch before its own.

export interface BatchedStatementOptions<Item, Result> {
  /** For logs and errors. */
  name: string;
  /** Runs the items as one statement and returns one result per item, in their order. */
  run: (items: Item[]) => Promise<Result[]>;
  /**
   * Items with the same key never share a batch (two notices for one donation): one statement cannot apply two
   * changes to one row in order, so the later item waits for the next batch.
   */
  key?: (item: Item) => string;
  /** The largest batch. */
  maxItems?: number;
  /** Batches sent at once; more wait. Above one, a batch held up by a lock does not hold up every other caller. */
  maxInFlight?: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export type BatchedStatement<Item, Result> = (item: Item) => Promise<Result>;

export function batchedStatement<Item, Result>({
  name,
  run,
  key,
  maxItems = 100,
  maxInFlight = 2,
}: BatchedStatementOptions<Item, Result>): BatchedStatement<Item, Result> {
  let waiting: Waiting<Item, Result>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const settle = (batch: Waiting<Item, Result>[], results: Result[]) => {
    if (results.length !== batch.length) {
      const error = new Error(`${name}: ${results.length} results for ${batch.length} items`);
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, index) => entry.resolve(results[index]));
  };

  // A batch that fails because of one of its items (a value the database refused) must not fail its neighbours:
  // each is tried again on its own and gets its own answer. A database that is not answering fails them all alike.
  const runBatch = async (batch: Waiting<Item, Result>[]) => {
    let outcome: { results: Result[] } | { error: unknown };
    try {
      outcome = { results: await run(batch.map((entry) => entry.item)) };
    } catch (error) {
      outcome = { error };
    }
    // The next batch goes out before this one's callers carry on: each resumes (up to its next statement) as soon as
    // it is settled, and the next round trip should not wait behind all of them.
    inFlight--;
    dispatch();
    if ("results" in outcome) return settle(batch, outcome.results);
    const { error } = outcome;
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    await Promise.all(
      batch.map(async (entry) => {
        try {
          const [result] = await run([entry.item]);
          entry.resolve(result);
        } catch (alone) {
          entry.reject(alone);
        }
      }),
    );
  };

  const takeBatch = (): Waiting<Item, Result>[] => {
    if (!key) {
      const batch = waiting.slice(0, maxItems);
      waiting = waiting.slice(batch.length);
      return batch;
    }
    const keys = new Set<string>();
    const batch: Waiting<Item, Result>[] = [];
    const later: Waiting<Item, Result>[] = [];
    for (const entry of waiting) {
      const itemKey = key(entry.item);
      if (batch.length < maxItems && !keys.has(itemKey)) {
        keys.add(itemKey);
        batch.push(entry);
      } else {
        later.push(entry);
      }
    }
    waiting = later;
    return batch;
  };

  const dispatch = () => {
    scheduled = false;
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = takeBatch();
      inFlight++;
      void runBatch(batch);
    }
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // Callers that arrive in the same turn of the event loop share the first batch.
      if (!scheduled && inFlight < maxInFlight) {
        scheduled = true;
        setImmediate(dispatch);
      }
    });
}
