import { describe, expect, it } from "vitest";
import { batchedStatement } from "./batched-statement";

// The statement here is a function that records the batches it is given and answers after a delay of the test's
// choosing, so each test can hold a batch "in flight" while more callers arrive. What a batch does against
// PostgreSQL is proved by the integration tests of its users (running-total.test.ts, route tests).

interface Recorder {
  batches: number[][];
  inFlight: number;
  mostInFlight: number;
}

function recordingStatement(
  options: {
    key?: (item: number) => string;
    maxItems?: number;
    maxInFlight?: number;
    fail?: (batch: number[]) => unknown;
  } = {},
) {
  const recorder: Recorder = { batches: [], inFlight: 0, mostInFlight: 0 };
  const statement = batchedStatement<number, number>({
    name: "test statement",
    async run(items) {
      recorder.batches.push(items);
      recorder.inFlight++;
      recorder.mostInFlight = Math.max(recorder.mostInFlight, recorder.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      recorder.inFlight--;
      const failure = options.fail?.(items);
      if (failure) throw failure;
      return items.map((item) => item * 10);
    },
    ...options,
  });
  return { statement, recorder };
}

describe("batchedStatement", () => {
  it("sends a caller that is alone at once, as a batch of one", async () => {
    const { statement, recorder } = recordingStatement();

    expect(await statement(7)).toBe(70);
    expect(recorder.batches).toEqual([[7]]);
  });

  it("gathers callers that arrive while batches are in flight into the next batch, each getting its own result", async () => {
    const { statement, recorder } = recordingStatement({ maxInFlight: 1 });
    const first = statement(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const rest = Array.from({ length: 20 }, (_, i) => statement(i + 2));

    expect(await Promise.all([first, ...rest])).toEqual(Array.from({ length: 21 }, (_, i) => (i + 1) * 10));
    expect(recorder.batches).toEqual([[1], Array.from({ length: 20 }, (_, i) => i + 2)]);
  });

  it("keeps at most maxInFlight batches of at most maxItems in flight", async () => {
    const { statement, recorder } = recordingStatement({ maxInFlight: 2, maxItems: 8 });

    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => statement(i)));

    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
    expect(recorder.mostInFlight).toBe(2);
    expect(Math.max(...recorder.batches.map((batch) => batch.length))).toBe(8);
    expect(recorder.batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("never puts two items with one key in the same batch, and keeps their order", async () => {
    const { statement, recorder } = recordingStatement({ key: (item) => String(item % 3), maxInFlight: 1 });

    await Promise.all(Array.from({ length: 9 }, (_, i) => statement(i)));

    for (const batch of recorder.batches) {
      expect(new Set(batch.map((item) => item % 3)).size).toBe(batch.length);
    }
    const sent = recorder.batches.flat();
    for (const key of [0, 1, 2]) {
      expect(sent.filter((item) => item % 3 === key)).toEqual([key, key + 3, key + 6]);
    }
  });

  it("tries each item of a failed batch alone, so only the item the database refused fails", async () => {
    const refused = Object.assign(new Error('new row violates check constraint "amount_positive"'), {
      code: "23514",
    });
    const { statement, recorder } = recordingStatement({
      maxInFlight: 1,
      fail: (batch) => (batch.includes(13) ? refused : undefined),
    });
    const first = statement(1);
    await new Promise((resolve) => setTimeout(resolve, 1));

    const outcomes = await Promise.allSettled([first, statement(12), statement(13), statement(14)]);

    expect(outcomes).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "fulfilled", value: 120 },
      { status: "rejected", reason: refused },
      { status: "fulfilled", value: 140 },
    ]);
    expect(recorder.batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });

  it("fails every item of a batch at once when the database is not answering, without trying them again", async () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const { statement, recorder } = recordingStatement({ maxInFlight: 1, fail: () => down });
    const first = statement(1);
    await new Promise((resolve) => setTimeout(resolve, 1));

    const outcomes = await Promise.allSettled([first, statement(2), statement(3)]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(recorder.batches).toEqual([[1], [2, 3]]);
  });

  it("fails a batch whose statement answered for the wrong number of items", async () => {
    const statement = batchedStatement<number, number>({ name: "short", run: async () => [1] });

    await expect(Promise.all([statement(1), statement(2)])).rejects.toThrow("short: 1 results for 2 items");
  });
});
