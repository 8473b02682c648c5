// In-process watchers of runs (lib/runs/hub-commands.ts watchRun): the hub hands them what it
// sends to a run's /ui room. A watcher that throws is dropped, never the hub's send.
import { log } from "@/lib/log";
import type { RunEvent } from "@/lib/runs/hub-commands";

type Listener = (event: RunEvent) => void;

export class RunWatchers {
  private readonly byRun = new Map<string, Set<Listener>>();

  add(runId: string, listener: Listener): () => void {
    let set = this.byRun.get(runId);
    if (!set) this.byRun.set(runId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byRun.get(runId) === set) this.byRun.delete(runId);
    };
  }

  emit(runId: string, event: RunEvent): void {
    const set = this.byRun.get(runId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (err) {
        log.warn({ err, runId }, "an in-process run watcher failed; dropped");
        set.delete(listener);
      }
    }
  }
}
