-- A draft imported from a guide keeps the import report (issue 10): what became a step and why,
-- which blocks stayed prose, the placeholders made inputs. Null for every other draft.
-- AlterTable
ALTER TABLE "PlaybookDraft" ADD COLUMN "importReport" JSONB;
