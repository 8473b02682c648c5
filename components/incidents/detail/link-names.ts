// Learnings and links name playbooks, steps and runs by slug or id; the page shows their titles,
// or the slug for one that has since been renamed or removed.
import type { LinkNames, RunHeadline } from "@/lib/incidents/link-label";
import type { ContentIndex } from "@/lib/playbooks/types";

export function linkNames(index: ContentIndex, runs: ReadonlyMap<string, RunHeadline> = new Map()): LinkNames {
  return {
    playbook: (slug) => index.playbooks.get(slug)?.title ?? slug,
    step: (slug, stepId) => index.playbooks.get(slug)?.steps.find((s) => s.id === stepId)?.title ?? stepId,
    run: (id) => runs.get(id),
  };
}
