// One draft as the review page shows it: its text, who wrote and reviewed it, and, when it
// replaces a published playbook, what is published now and the diff against it.
import "server-only";
import { db } from "@/lib/db/client";
import type { ImportReport } from "@/lib/import/import-report";
import { readImportReport } from "@/lib/import/import-report-schema";
import { contentHash } from "@/lib/playbooks/content-hash";
import { draftDiff, type DraftDiff } from "./draft-diff";
import type { DraftSource, DraftStatus } from "./draft-rules";
import { readPublished } from "./published-file";

const person = { select: { id: true, name: true } } as const;
const reviewer = { select: { id: true, name: true, role: true, editor: true } } as const;

export interface DraftReviewView {
  reviewer: { id: string; name: string; role: string; editor: boolean } | null;
  contentHash: string;
  note: string;
  createdAt: Date;
  /** Whether it approved the draft's text as it is now (an edit since makes it stale). */
  current: boolean;
}

export interface DraftView {
  id: string;
  slug: string;
  title: string;
  mdx: string;
  contentHash: string;
  source: DraftSource;
  sourceRef: string | null;
  status: DraftStatus;
  authorId: string | null;
  author: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  reason: string | null;
  publishedHash: string | null;
  replacesContentHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviews: DraftReviewView[];
  /** The version published now under this slug, if any. */
  publishedNow: string | null;
  /** Published version → draft, while the draft is open and replaces one. */
  diff: DraftDiff | null;
  /** What the importer did, for a draft imported from a guide (null if none, or not readable). */
  importReport: ImportReport | null;
}

export async function getDraft(id: string): Promise<DraftView | null> {
  const row = await db.playbookDraft.findUnique({
    where: { id },
    include: {
      author: person,
      decidedBy: person,
      reviews: { include: { reviewer }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) return null;
  const hash = contentHash(row.mdx);
  const published = row.status === "open" ? await readPublished(row.slug) : null;
  return {
    ...row,
    source: row.source as DraftSource,
    status: row.status as DraftStatus,
    contentHash: hash,
    reviews: row.reviews.map((r) => ({
      reviewer: r.reviewer,
      contentHash: r.contentHash,
      note: r.note,
      createdAt: r.createdAt,
      current: r.contentHash === hash,
    })),
    publishedNow: published?.hash ?? null,
    diff: published && row.replacesContentHash ? draftDiff(published.source.toString("utf8"), row.mdx) : null,
    importReport: readImportReport(row.importReport),
  };
}
