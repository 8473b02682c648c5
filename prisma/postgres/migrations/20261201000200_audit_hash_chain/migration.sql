-- A hash chain over the audit trail (issue 8, item 14). Earlier events are numbered in the order
-- they were written and keep a NULL hash: they come before the chain and verify reports them.
ALTER TABLE "AuditEvent" ADD COLUMN "seq" INTEGER,
ADD COLUMN "prevHash" TEXT,
ADD COLUMN "hash" TEXT;

UPDATE "AuditEvent" SET "seq" = numbered."n"
FROM (SELECT "id", ROW_NUMBER() OVER (ORDER BY "at", "id") AS "n" FROM "AuditEvent") AS numbered
WHERE "AuditEvent"."id" = numbered."id";

ALTER TABLE "AuditEvent" ALTER COLUMN "seq" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
