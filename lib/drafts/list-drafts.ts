// The drafts page: open drafts first (oldest first: the longest waiting), then the decided ones,
// newest first. Only what the list shows is read; the text stays in the database.
import "server-only";
import { db } from "@/lib/db/client";
import type { DraftSource, DraftStatus } from "./draft-rules";

export interface DraftListItem {
  id: string;
  slug: string;
  title: string;
  source: DraftSource;
  status: DraftStatus;
  author: string | null;
  replaces: boolean;
  reviews: number;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
}

const DECIDED_SHOWN = 50;

export async function listDrafts(): Promise<{ open: DraftListItem[]; decided: DraftListItem[] }> {
  const select = {
    id: true,
    slug: true,
    title: true,
    source: true,
    status: true,
    replacesContentHash: true,
    createdAt: true,
    updatedAt: true,
    decidedAt: true,
    author: { select: { name: true } },
    _count: { select: { reviews: true } },
  } as const;
  const [open, decided] = await Promise.all([
    db.playbookDraft.findMany({ where: { status: "open" }, orderBy: { createdAt: "asc" }, select }),
    db.playbookDraft.findMany({
      where: { status: { not: "open" } },
      orderBy: { decidedAt: "desc" },
      take: DECIDED_SHOWN,
      select,
    }),
  ]);
  const item = (row: (typeof open)[number]): DraftListItem => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    source: row.source as DraftSource,
    status: row.status as DraftStatus,
    author: row.author?.name ?? null,
    replaces: row.replacesContentHash !== null,
    reviews: row._count.reviews,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    decidedAt: row.decidedAt,
  });
  return { open: open.map(item), decided: decided.map(item) };
}
