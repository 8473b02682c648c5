-- A hash chain over the audit trail (issue 8, item 14). Earlier events are numbered in the order
-- they were written and keep a NULL hash: they come before the chain and verify reports them.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT,
    "hash" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "userId" TEXT,
    "userEmail" TEXT,
    "userName" TEXT,
    "hostName" TEXT,
    "playbook" TEXT,
    "stepId" TEXT,
    "stepRunId" TEXT,
    "command" TEXT,
    "exitCode" INTEGER,
    "verdict" TEXT,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "detail" TEXT,
    CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEvent" ("id", "seq", "at", "action", "userId", "userEmail", "userName", "hostName", "playbook",
    "stepId", "stepRunId", "command", "exitCode", "verdict", "startedAt", "endedAt", "detail")
SELECT "id", ROW_NUMBER() OVER (ORDER BY "at", "id"), "at", "action", "userId", "userEmail", "userName", "hostName",
    "playbook", "stepId", "stepRunId", "command", "exitCode", "verdict", "startedAt", "endedAt", "detail"
FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_stepRunId_idx" ON "AuditEvent"("stepRunId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
