// Runs for the form's run picker: the recent ones, and those the incident already links, each by
// its playbook, host and time, searchable by those and by date.
import "server-only";
import { runLabel } from "@/lib/incidents/link-label";
import { runHeadlines } from "@/lib/incidents/run-headlines";
import { listRuns } from "@/lib/runs/run-views";
import type { PickerOption } from "./form/picker-match";
import type { PlaybookOption } from "./incident-form";

const RECENT = 200;

export async function runOptions(linked: readonly string[], playbooks: PlaybookOption[]): Promise<PickerOption[]> {
  const recent = await listRuns({ take: RECENT });
  const known = new Set(recent.map((r) => r.id));
  const older = await runHeadlines(linked.filter((id) => !known.has(id)));
  const runs = [
    ...recent.map((r) => ({ id: r.id, playbookSlug: r.playbookSlug, hostName: r.hostName, createdAt: r.createdAt })),
    ...[...older].map(([id, head]) => ({ id, ...head })),
  ];
  const titles = new Map(playbooks.map((p) => [p.slug, p.title]));
  return runs.map((run) => ({
    value: run.id,
    label: runLabel(run, titles.get(run.playbookSlug) ?? run.playbookSlug),
    hint: run.id.slice(0, 10),
    keywords: `${run.playbookSlug} ${run.createdAt.slice(0, 10)}`,
  }));
}
