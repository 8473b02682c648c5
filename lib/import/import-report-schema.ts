// The import report as stored with a draft (PlaybookDraft.importReport) or sent by a dry run, read
// back through one schema: a row written by an older importer, or edited by hand, must not crash
// the review page. Lists a report lacks read as empty; anything else out of shape reads as no report.
import * as z from "zod";
import { RISKS } from "@/lib/playbooks/format";
import type { ImportReport } from "./import-report";

const text = z.string();
const line = z.number().int().nonnegative();
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

const decision = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("step"), stepIds: z.array(text) }),
  z.object({ kind: z.literal("expected-output"), stepId: text }),
  z.object({ kind: z.literal("symptoms"), symptoms: z.array(text) }),
  z.object({ kind: z.literal("prose") }),
]);

export const importReportSchema = z.object({
  file: text,
  title: text,
  slug: text,
  problems: list(z.object({ title: text, line, stepIds: list(text), symptoms: list(text) })),
  steps: list(
    z.object({
      id: text,
      title: text,
      line,
      risk: z.enum(RISKS),
      riskReason: text.default(""),
      role: z.enum(["reproduce", "diagnose", "fix", "verify"]),
      root: z.boolean().optional(),
    }),
  ),
  blocks: list(
    z.object({
      line,
      lang: text.default(""),
      class: z.enum(["commands", "output", "interactive", "config", "warned-off", "other"]),
      decision,
      reason: text.default(""),
    }),
  ),
  placeholders: list(z.object({ line, text, input: text })),
  notes: list(z.object({ line, message: text })),
}) satisfies z.ZodType<ImportReport, unknown>;

/** The report in `value`, or null when there is none or it is not one. */
export function readImportReport(value: unknown): ImportReport | null {
  if (value === null || value === undefined) return null;
  const parsed = importReportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
