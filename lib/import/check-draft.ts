// A draft is only useful if it passes the same format check as content/ (parsePlaybook).
import { parsePlaybook } from "@/lib/playbooks/parse-playbook";
import type { ContentError, Playbook } from "@/lib/playbooks/types";

export interface DraftCheck {
  playbook?: Playbook;
  errors: ContentError[];
}

export function checkDraft(mdx: string, slug: string): DraftCheck {
  return parsePlaybook(`content/${slug}.mdx`, mdx);
}
