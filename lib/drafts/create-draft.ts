// Saves a checked draft for review. Nothing reaches content/ here: a draft is in the database
// until an editor publishes it. A draft over a published playbook must name the version it
// replaces, so publishing can tell whether that version is still the one published.
import "server-only";
import { withAudit } from "@/lib/runs/audit";
import { contentHash } from "@/lib/playbooks/content-hash";
import { DraftError } from "./draft-error";
import { checkDraftText, checkSlug, versionName, type DraftSource } from "./draft-rules";
import { publishedName, readPublished } from "./published-file";

export interface CreateDraftOptions {
  mdx: string;
  slug: string;
  source: DraftSource;
  /** The incident id, or the uploaded file's name. */
  sourceRef?: string | null;
  author: { id: string };
  /** The content hash of the published version this draft replaces. */
  replaces?: string | null;
}

export interface DraftRef {
  id: string;
  slug: string;
  contentHash: string;
  href: string;
}

export const draftHref = (id: string): string => `/drafts/${encodeURIComponent(id)}`;

export async function createDraft(o: CreateDraftOptions): Promise<DraftRef> {
  checkSlug(o.slug);
  const playbook = await checkDraftText(o.mdx, o.slug);
  const replaces = await checkReplaces(o.slug, o.replaces ?? null);
  const hash = contentHash(o.mdx);
  const row = await withAudit(
    (tx) =>
      tx.playbookDraft.create({
        data: {
          slug: o.slug,
          title: playbook.title,
          mdx: o.mdx,
          source: o.source,
          sourceRef: o.sourceRef ?? null,
          authorId: o.author.id,
          replacesContentHash: replaces,
        },
        select: { id: true },
      }),
    (created) => ({
      action: "draft.create",
      userId: o.author.id,
      playbook: versionName(o.slug, hash),
      detail: JSON.stringify({ draft: created.id, source: o.source, sourceRef: o.sourceRef ?? null, replaces }),
    }),
  );
  return { id: row.id, slug: o.slug, contentHash: hash, href: draftHref(row.id) };
}

/** The version the draft replaces, checked against what is published now. */
async function checkReplaces(slug: string, replaces: string | null): Promise<string | null> {
  const published = await readPublished(slug);
  const file = publishedName(slug);
  if (!published && replaces)
    throw new DraftError(`Nothing is published as ${file}, so there is nothing to replace.`, 409);
  if (!published) return null;
  if (!replaces) {
    throw new DraftError(
      `${file} is published (version ${published.hash}): choose another slug, or say the draft replaces ` +
        `version ${published.hash}.`,
      409,
      { published: published.hash },
    );
  }
  if (replaces !== published.hash) {
    throw new DraftError(
      `${file} is at version ${published.hash}, not ${replaces}: draft again from the current version.`,
      409,
      { published: published.hash },
    );
  }
  return replaces;
}
