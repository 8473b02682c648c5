// Turns a playbook into its rendered body, or into the content error that explains why it cannot
// be rendered. The MDX function runs here, not inside React, so an error thrown by an expression in
// the body is caught and reported instead of failing the whole page. The caller supplies the
// components (components/mdx-components.tsx), so this module does not depend on the UI.
import type { MDXComponents } from "mdx/types";
import type { ReactNode } from "react";
import type { COMPONENTS } from "@/lib/playbooks/format";
import type { ContentError, Playbook } from "@/lib/playbooks/types";
import { getCompiledBody } from "./body-cache";
import { toContentError } from "./compile-body";

export type RenderedBody = { ok: true; element: ReactNode } | { ok: false; error: ContentError };

/** What a body renders with: every component the playbook format allows, and any HTML overrides. */
export type PlaybookComponents = MDXComponents & Record<(typeof COMPONENTS)[number], MDXComponents[string]>;

export async function renderPlaybookBody(playbook: Playbook, components: PlaybookComponents): Promise<RenderedBody> {
  const compiled = await getCompiledBody(playbook);
  if (!compiled.ok) return compiled;
  try {
    return { ok: true, element: compiled.Content({ components }) };
  } catch (err) {
    return { ok: false, error: toContentError(err, playbook.file, playbook.bodyLine) };
  }
}
