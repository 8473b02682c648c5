// What only the run hub knows about a run (its running step, "run all" in progress), readable by
// route handlers and pages. One per process (lib/process-singleton.ts): the hub registers it in the
// custom server, the Next.js bundle reads it.
import { processSingleton } from "@/lib/process-singleton";
import type { LiveRunState } from "./run-views";

type Lookup = (runId: string) => LiveRunState | undefined;
const registered = processSingleton<{ lookup?: Lookup }>("liveRuns", () => ({}));

export function registerLiveRuns(lookup: Lookup): void {
  registered.lookup = lookup;
}

export function liveRunState(runId: string): LiveRunState | undefined {
  return registered.lookup?.(runId);
}
