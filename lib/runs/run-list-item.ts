// A run as a row of a run list, and the live run folded into a list the server rendered, so the
// playbook page's "Recent runs" shows the run just started (and its steps) without a reload.
import type { RunView, Verdict } from "./protocol";

/** What both the run page and the run list read of a run row. */
export type RunHead = Omit<
  RunView,
  "inputs" | "steps" | "activeStepRunId" | "runningAllRead" | "walk" | "suggestedNext" | "stale"
>;

export type RunListItem = RunHead & {
  stepCount: number;
  /** Verdict counts, e.g. { passed: 3, failed: 1 }. */
  verdicts: Partial<Record<Verdict, number>>;
};

export function countVerdicts(verdicts: readonly Verdict[]): RunListItem["verdicts"] {
  const counts: RunListItem["verdicts"] = {};
  for (const v of verdicts) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export function toRunListItem(run: RunView): RunListItem {
  const { id, playbookSlug, contentHash, hostId, hostName, userId, userName, status, createdAt, finishedAt } = run;
  return {
    ...{ id, playbookSlug, contentHash, hostId, hostName, userId, userName, status, createdAt, finishedAt },
    stepCount: run.steps.length,
    verdicts: countVerdicts(run.steps.map((s) => s.verdict)),
  };
}

/**
 * `runs` (newest first, at most `take`) with each of `live` in its place: replaced where listed,
 * else added when it is newer than the list's oldest (a run started after the page was rendered).
 */
export function withLiveRuns(runs: readonly RunListItem[], live: readonly RunView[], take: number): RunListItem[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  for (const run of live) byId.set(run.id, toRunListItem(run));
  const oldest = runs.length >= take ? runs[runs.length - 1]?.createdAt : undefined;
  return [...byId.values()]
    .filter((r) => oldest === undefined || r.createdAt >= oldest)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, take);
}
