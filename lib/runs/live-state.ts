// What only the run hub knows about a run (its running step, "run all" in progress), readable by
// route handlers and pages. On globalThis: the custom server and the Next.js bundle load separate
// copies of this module in one process.
import type { LiveRunState } from "./run-views";

type Lookup = (runId: string) => LiveRunState | undefined;
const store = globalThis as unknown as { casebookLiveRuns?: Lookup };

export function registerLiveRuns(lookup: Lookup): void {
  store.casebookLiveRuns = lookup;
}

export function liveRunState(runId: string): LiveRunState | undefined {
  return store.casebookLiveRuns?.(runId);
}
