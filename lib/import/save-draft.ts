// Saves a generated playbook draft (from an incident or a guide) for review, never into content/:
// its steps first declare at least the classifier's risk, then it is rendered and stored as a draft
// (lib/drafts/create-draft.ts), where it cannot run until an editor publishes it. A guide's import
// report is stored with it, under the slug the draft is saved as.
import "server-only";
import { createDraft, type CreateDraftOptions, type DraftRef } from "@/lib/drafts/create-draft";
import { renderPlaybookDraft, type PlaybookDraft } from "./playbook-draft";

export type SaveGeneratedOptions = Omit<CreateDraftOptions, "mdx" | "slug"> & {
  /** Overrides the slug the generator chose. */
  slug?: string;
};

/** What createDraft is given for a generated draft (also what a dry run checks). */
export function generatedDraftOptions(draft: PlaybookDraft, o: SaveGeneratedOptions): CreateDraftOptions {
  // The generators already declare each step at the classifier's risk (or higher).
  const slug = o.slug?.trim() || draft.slug;
  const importReport = o.importReport ? { ...o.importReport, slug } : o.importReport;
  return { ...o, slug, importReport, mdx: renderPlaybookDraft({ ...draft, slug }) };
}

export async function saveGeneratedDraft(draft: PlaybookDraft, o: SaveGeneratedOptions): Promise<DraftRef> {
  return createDraft(generatedDraftOptions(draft, o));
}
