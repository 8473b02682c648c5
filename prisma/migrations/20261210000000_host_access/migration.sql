-- Host access lists (issue 8, item 10): the least role a host needs, and the users it is limited
-- to. The defaults keep every existing host open, as before.
ALTER TABLE "Host" ADD COLUMN "accessMinRole" TEXT NOT NULL DEFAULT 'viewer';
ALTER TABLE "Host" ADD COLUMN "accessByName" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "HostAccessUser" (
    "hostId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("hostId", "userId"),
    CONSTRAINT "HostAccessUser_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HostAccessUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HostAccessUser_userId_idx" ON "HostAccessUser"("userId");
