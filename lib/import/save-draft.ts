// Saves a generated playbook draft (from an incident or a guide) for review, never into content/:
// its steps first declare at least the classifier's risk, then it is rendered and stored as a draft
// (lib/drafts/create-draft.ts), where it cannot run until an editor publishes it.
import "server-only";
import { createDraft, type CreateDraftOptions, type DraftRef } from "@/lib/drafts/create-draft";
import { renderPlaybookDraft, type PlaybookDraft } from "./playbook-draft";

export type SaveGeneratedOptions = Omit<CreateDraftOptions, "mdx" | "slug"> & {
  /** Overrides the slug the generator chose. */
  slug?: string;
};

export async function saveGeneratedDraft(draft: PlaybookDraft, o: SaveGeneratedOptions): Promise<DraftRef> {
  // The generators already declare each step at the classifier's risk (or higher).
  const slug = o.slug?.trim() || draft.slug;
  return createDraft({ ...o, slug, mdx: renderPlaybookDraft({ ...draft, slug }) });
}
