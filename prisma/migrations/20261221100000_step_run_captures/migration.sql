-- A step can capture values from its output for the later steps of its run (issue 12): they are
-- kept on the step run, secret ones masked. Null for a step that captures nothing.
-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN "captures" JSONB;
