-- Run state any instance can take over (issue 13): the instance holding a host's agent, a run's
-- sealed live values, and the raw agent offset a step's stored output accounts for.
-- AlterTable
ALTER TABLE "Host" ADD COLUMN "agentInstance" TEXT;
-- AlterTable
ALTER TABLE "Run" ADD COLUMN "live" TEXT;
-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN "receivedBytes" INTEGER NOT NULL DEFAULT 0;
