-- Host access lists (issue 8, item 10): the least role a host needs, and the users it is limited
-- to. The defaults keep every existing host open, as before.

-- AlterTable
ALTER TABLE "Host" ADD COLUMN     "accessByName" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "accessMinRole" TEXT NOT NULL DEFAULT 'viewer';

-- CreateTable
CREATE TABLE "HostAccessUser" (
    "hostId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "HostAccessUser_pkey" PRIMARY KEY ("hostId","userId")
);

-- CreateIndex
CREATE INDEX "HostAccessUser_userId_idx" ON "HostAccessUser"("userId");

-- AddForeignKey
ALTER TABLE "HostAccessUser" ADD CONSTRAINT "HostAccessUser_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostAccessUser" ADD CONSTRAINT "HostAccessUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

