// Saves a checked draft for review. Nothing reaches content/ here: a draft is in the database
// until an editor publishes it. A draft over a published playbook must name the version it
// replaces, so publishing can tell whether that version is still the one published.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { ImportReport } from "@/lib/import/import-report";
import type { Playbook } from "@/lib/playbooks/types";
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
  /** What the importer did, when the draft came from a guide: the review page shows it. */
  importReport?: ImportReport | null;
}

export interface DraftRef {
  id: string;
  slug: string;
  contentHash: string;
  href: string;
}

export const draftHref = (id: string): string => `/drafts/${encodeURIComponent(id)}`;

export interface CheckedDraft {
  playbook: Playbook;
  /** The version it replaces, checked against what is published now. */
  replaces: string | null;
}

/** Every check createDraft makes, without saving: what a dry run of an upload answers with. */
export async function checkNewDraft(o: Pick<CreateDraftOptions, "mdx" | "slug" | "replaces">): Promise<CheckedDraft> {
  checkSlug(o.slug);
  const playbook = await checkDraftText(o.mdx, o.slug);
  return { playbook, replaces: await checkReplaces(o.slug, o.replaces ?? null) };
}

export async function createDraft(o: CreateDraftOptions): Promise<DraftRef> {
  const { playbook, replaces } = await checkNewDraft(o);
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
          // A report is plain JSON data; its interface only lacks the index signature Prisma asks for.
          importReport: (o.importReport ?? undefined) as Prisma.InputJsonValue | undefined,
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
