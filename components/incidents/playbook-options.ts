// Playbooks and their steps for the form's "attach to playbook / step" pickers.
import { getContentIndex } from "@/lib/playbooks/content-index";
import type { PlaybookOption } from "./incident-form";

export async function playbookOptions(): Promise<PlaybookOption[]> {
  const index = await getContentIndex();
  return [...index.playbooks.values()]
    .map((p) => ({ slug: p.slug, title: p.title, steps: p.steps.map((s) => ({ id: s.id, title: s.title })) }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
