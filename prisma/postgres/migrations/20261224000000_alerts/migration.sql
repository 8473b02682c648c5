-- Alert intake and notifications out (issue 11, items 4 and 5): alert sources and the incidents
-- their alerts opened, notification targets and the delivery log the worker polls.
-- CreateTable
CREATE TABLE "AlertSource" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "triage" BOOLEAN NOT NULL DEFAULT false,
    "hostLabel" TEXT,
    "triageUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertFingerprint" (
    "sourceId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertFingerprint_pkey" PRIMARY KEY ("sourceId", "fingerprint")
);

-- CreateTable
CREATE TABLE "NotificationTarget" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretSealed" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "lastStatus" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSource_name_key" ON "AlertSource"("name");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationTarget_name_key" ON "NotificationTarget"("name");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_nextAttemptAt_idx" ON "NotificationDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_targetId_createdAt_idx" ON "NotificationDelivery"("targetId", "createdAt");

-- AddForeignKey
ALTER TABLE "AlertFingerprint" ADD CONSTRAINT "AlertFingerprint_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "AlertSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "NotificationTarget" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
