-- Playbook drafts and their reviews, and the editor permission (issue 9, item 3): drafts live here,
-- outside content/, until an editor publishes them.
-- CreateTable
CREATE TABLE "PlaybookDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "mdx" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "authorId" TEXT,
    "replacesContentHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "reason" TEXT,
    "publishedHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlaybookDraft_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PlaybookDraft_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "contentHash" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftReview_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "PlaybookDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable
-- Added in place rather than by redefining User: SQLite accepts a NOT NULL column with a default.
ALTER TABLE "User" ADD COLUMN "editor" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "PlaybookDraft_status_createdAt_idx" ON "PlaybookDraft"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PlaybookDraft_slug_idx" ON "PlaybookDraft"("slug");

-- CreateIndex
CREATE INDEX "DraftReview_draftId_idx" ON "DraftReview"("draftId");
