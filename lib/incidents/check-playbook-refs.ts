// Learnings attach to playbooks and steps by name; a typo would attach them to nothing. New
// references are checked against the content index, while references an incident already had are
// kept even if the playbook has since been renamed, so an old incident stays editable.
import type { ContentIndex } from "@/lib/playbooks/types";
import { IncidentInputError, type FieldIssue, type IncidentInput } from "./schema";

export function checkPlaybookRefs(
  input: IncidentInput,
  index: ContentIndex,
  existing?: Pick<IncidentInput, "playbooks" | "learnings">,
): void {
  const known = new Set(existing?.playbooks ?? []);
  const knownSteps = new Set((existing?.learnings ?? []).map((l) => `${l.playbookSlug}#${l.stepId}`));
  const issues: FieldIssue[] = [];
  const playbookIssue = (path: string, slug: string) => {
    if (!index.playbooks.has(slug) && !known.has(slug)) issues.push({ path, message: `No playbook named "${slug}"` });
  };
  input.playbooks.forEach((slug, i) => playbookIssue(`playbooks.${i}`, slug));
  input.learnings.forEach((l, i) => {
    if (!l.playbookSlug) return;
    playbookIssue(`learnings.${i}.playbookSlug`, l.playbookSlug);
    const playbook = index.playbooks.get(l.playbookSlug);
    if (
      l.stepId &&
      playbook &&
      !playbook.steps.some((s) => s.id === l.stepId) &&
      !knownSteps.has(`${l.playbookSlug}#${l.stepId}`)
    ) {
      issues.push({ path: `learnings.${i}.stepId`, message: `Playbook "${l.playbookSlug}" has no step "${l.stepId}"` });
    }
  });
  if (issues.length) throw new IncidentInputError(issues);
}
