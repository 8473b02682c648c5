// Learnings and links name playbooks and steps by slug; the page shows their titles, or the slug
// for one that has since been renamed or removed.
import type { ContentIndex } from "@/lib/playbooks/types";

export interface PlaybookNames {
  playbook(slug: string): string;
  step(slug: string, stepId: string): string;
}

export function playbookNames(index: ContentIndex): PlaybookNames {
  return {
    playbook: (slug) => index.playbooks.get(slug)?.title ?? slug,
    step: (slug, stepId) => index.playbooks.get(slug)?.steps.find((s) => s.id === stepId)?.title ?? stepId,
  };
}
