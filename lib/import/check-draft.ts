// A draft is only useful if it passes the same checks as content/ (format and declared risks).
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import type { ContentError, Playbook } from "@/lib/playbooks/types";

export interface DraftCheck {
  playbook?: Playbook;
  errors: ContentError[];
}

export function checkDraft(mdx: string, slug: string): Promise<DraftCheck> {
  return checkPlaybook(`content/${slug}.mdx`, mdx);
}
