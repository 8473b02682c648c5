-- The actor's email and name as they were when each event was written (issue 8, item 13).
ALTER TABLE "AuditEvent" ADD COLUMN "userEmail" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "userName" TEXT;

-- Earlier events get the identity as it is now: the best record there is of who acted.
UPDATE "AuditEvent"
SET "userEmail" = (SELECT "email" FROM "User" WHERE "User"."id" = "AuditEvent"."userId"),
    "userName" = (SELECT "name" FROM "User" WHERE "User"."id" = "AuditEvent"."userId")
WHERE "userId" IS NOT NULL;
