// A stored run as a page or the API shows it: its row, the playbook it ran (when still in content/)
// and what the hub knows of it live.
import "server-only";
import { db } from "@/lib/db/client";
import { getPlaybook } from "@/lib/playbooks/content-index";
import type { Playbook } from "@/lib/playbooks/types";
import { liveRunState } from "./live-state";
import type { RunView } from "./protocol";
import { loadRunView } from "./run-views";

export interface FoundRun {
  run: RunView;
  /** Undefined when the playbook has since left content/. */
  playbook: Playbook | undefined;
}

/** The run's view and its playbook, or null when there is no such run. */
export async function findRunView(runId: string): Promise<FoundRun | null> {
  const row = await db.run.findUnique({ where: { id: runId }, select: { playbookSlug: true } });
  if (!row) return null;
  const playbook = await getPlaybook(row.playbookSlug);
  const run = await loadRunView(runId, playbook, liveRunState(runId));
  return run ? { run, playbook } : null;
}
