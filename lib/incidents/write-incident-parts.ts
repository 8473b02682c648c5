// Writes an incident's lists (timeline, causes, learnings, actions, links) inside a transaction.
// Create and update share it, so both store exactly what the schema validated.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { COLUMN_FIELDS, type IncidentColumns } from "./incident-record";
import { IncidentInputError, type IncidentInput } from "./schema";

type Tx = Prisma.TransactionClient;

/** The playbooks an incident is linked to: those named, and those its learnings are attached to. */
export function linkedPlaybooks(input: IncidentInput): string[] {
  const slugs = new Set(input.playbooks);
  for (const l of input.learnings) if (l.playbookSlug) slugs.add(l.playbookSlug);
  return [...slugs].sort();
}

/** The incident's own columns: every field that is not written to a table of its own below. */
export function incidentColumns(input: IncidentInput): IncidentColumns {
  return Object.fromEntries(COLUMN_FIELDS.map((field) => [field, input[field]])) as IncidentColumns;
}

/** Fails with a field-level reason when a linked run does not exist (the foreign key would). */
export async function checkRunsExist(tx: Tx, runs: string[]): Promise<void> {
  if (runs.length === 0) return;
  const found = await tx.run.findMany({ where: { id: { in: runs } }, select: { id: true } });
  const known = new Set(found.map((r) => r.id));
  const issues = runs.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `runs.${i}`, message: `No run with id "${id}"` }],
  );
  if (issues.length) throw new IncidentInputError(issues);
}

export async function writeIncidentParts(
  tx: Tx,
  incidentId: string,
  input: IncidentInput,
  extraTimeline: IncidentInput["timeline"] = [],
) {
  const timeline = [...input.timeline, ...extraTimeline];
  if (timeline.length) {
    await tx.timelineEntry.createMany({
      data: timeline.map((t) => ({ incidentId, at: t.at, kind: t.kind, text: t.text, link: t.link })),
    });
  }
  if (input.rootCauses.length) {
    await tx.rootCause.createMany({ data: input.rootCauses.map((c, position) => ({ incidentId, position, ...c })) });
  }
  if (input.learnings.length) {
    await tx.learning.createMany({ data: input.learnings.map((l, position) => ({ incidentId, position, ...l })) });
  }
  if (input.actionItems.length) {
    await tx.actionItem.createMany({ data: input.actionItems.map((a, position) => ({ incidentId, position, ...a })) });
  }
  const playbooks = linkedPlaybooks(input);
  if (playbooks.length) {
    await tx.incidentPlaybook.createMany({ data: playbooks.map((playbookSlug) => ({ incidentId, playbookSlug })) });
  }
  if (input.runs.length) {
    await tx.incidentRun.createMany({ data: input.runs.map((runId) => ({ incidentId, runId })) });
  }
}

/** Adds a user as an author once; unknown users (a deleted account) are skipped. */
export async function addAuthor(tx: Tx, incidentId: string, userId: string | undefined): Promise<void> {
  if (!userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return;
  await tx.incidentAuthor.upsert({
    where: { incidentId_userId: { incidentId, userId } },
    create: { incidentId, userId },
    update: {},
  });
}
