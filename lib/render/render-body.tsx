// Turns a playbook into its rendered body, or into the content error that explains why it cannot
// be rendered. The MDX function runs here, not inside React, so an error thrown by an expression in
// the body is caught and reported instead of failing the whole page.
import type { ReactNode } from "react";
import { playbookComponents, type StepExtra } from "@/components/mdx-components";
import type { ContentError, Playbook } from "@/lib/playbooks/types";
import { getCompiledBody } from "./body-cache";
import { toContentError } from "./compile-body";

export type RenderedBody = { ok: true; element: ReactNode } | { ok: false; error: ContentError };

export async function renderPlaybookBody(playbook: Playbook, stepExtra?: StepExtra): Promise<RenderedBody> {
  const compiled = await getCompiledBody(playbook);
  if (!compiled.ok) return compiled;
  try {
    return { ok: true, element: compiled.Content({ components: playbookComponents(playbook, stepExtra) }) };
  } catch (err) {
    return { ok: false, error: toContentError(err, playbook.file, playbook.bodyLine) };
  }
}
