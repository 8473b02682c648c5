// The command snapshots of a run's steps (secrets already masked when stored), for the run page.
// RunView leaves them out because it travels to every watcher on each state change.
import "server-only";
import { db } from "@/lib/db/client";

export interface StepCommand {
  command: string;
  shell: string;
}

/** By step-run id. */
export async function loadStepCommands(runId: string): Promise<Record<string, StepCommand>> {
  const rows = await db.stepRun.findMany({ where: { runId }, select: { id: true, command: true, shell: true } });
  return Object.fromEntries(rows.map((row) => [row.id, { command: row.command, shell: row.shell }]));
}
