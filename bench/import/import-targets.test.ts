// The targets, held on the dev guides in every `npm test`: a change to the importer that
// loses a command, runs output, under-declares a risk or adds a junk symptom fails here, by name.
// The holdout set is scored by `npm run bench:import` only, so tuning against it shows.
import { beforeAll, describe, expect, it } from "vitest";
import { guideMisses } from "./render";
import { runImportBench, type SetResult } from "./run-sets";
import { targets } from "./score";

let dev: SetResult;
let holdout: SetResult | undefined;

beforeAll(async () => {
  const run = await runImportBench();
  expect(run.labelProblems).toEqual([]);
  dev = run.results.find((r) => r.set === "dev")!;
  holdout = run.results.find((r) => r.set === "holdout");
}, 120_000);

describe("the importer on the hand-labelled dev guides", () => {
  it("meets every target", () => {
    expect(dev.total.guides).toBeGreaterThanOrEqual(8);
    const missed = targets(dev.total).filter((t) => t.met === false);
    const misses = dev.scores.map(guideMisses).filter(Boolean).join("\n\n");
    expect(
      missed.map((t) => `${t.what}: ${t.measured}`),
      misses,
    ).toEqual([]);
  });
});

describe("the importer on the holdout guides", () => {
  it("imports every guide into a draft that passes the check", () => {
    if (!holdout || holdout.total.guides === 0) return;
    expect(holdout.total.threw).toBe(0);
    expect(holdout.total.checked.hit).toBe(holdout.total.checked.of);
  });
});
