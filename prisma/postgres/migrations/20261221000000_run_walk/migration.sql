-- Run all read steps walks the decision tree (issue 12): the run keeps the path the walk took and
-- why it stopped, so the stop reason survives a reload. Null until a walk runs.
-- AlterTable
ALTER TABLE "Run" ADD COLUMN "walk" JSONB;
