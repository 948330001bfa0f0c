import { describe, expect, it } from "vitest";
import { progressRatio } from "./progress-ratio";

describe("progressRatio", () => {
  it.each([
    { raised: 0, goal: 10_000_000, ratio: 0 },
    { raised: 115_000, goal: 10_000_000, ratio: 0.0115 },
    { raised: 10_000_000, goal: 10_000_000, ratio: 1 },
    { raised: 25_000_000, goal: 10_000_000, ratio: 1 },
    { raised: 5_000, goal: 0, ratio: 0 },
  ])("is $ratio when $raised of $goal is raised", ({ raised, goal, ratio }) => {
    expect(progressRatio({ raised, goal })).toBeCloseTo(ratio, 10);
  });
});
