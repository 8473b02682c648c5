-- Each step is audited when it starts as well as when it ends (issue 8, item 12). The step run id
-- ties the two events together.
ALTER TABLE "AuditEvent" ADD COLUMN "stepRunId" TEXT;

CREATE INDEX "AuditEvent_stepRunId_idx" ON "AuditEvent"("stepRunId");
