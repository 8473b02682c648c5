// Alert sources, managed by admins: each has its own secret, shown once and kept sealed
// (lib/alerts/seal.ts), and optionally triage, which runs as the admin who turned it on.
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/request-user";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/runs/audit";
import { SOURCE_KINDS, type SourceKind } from "./kinds";
import { newSecret, sealSecret } from "./seal";

export interface AlertSourceView {
  id: string;
  kind: SourceKind;
  name: string;
  triage: boolean;
  hostLabel: string | null;
  createdAt: Date;
}

const label = z
  .string()
  .trim()
  .max(100, { error: "must be at most 100 characters" })
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, { error: "must be a label name, e.g. instance or host" });

export const createSourceInput = z.object({
  kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(", ")}` }),
  name: z.string().trim().min(1, { error: "is required" }).max(100, { error: "must be at most 100 characters" }),
  // PagerDuty generates its own signing secret; the others get one from Casebook when left blank.
  secret: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((s) => s || undefined),
});

export const setTriageInput = z.object({
  sourceId: z.string().min(1),
  triage: z.stringbool().default(false),
  hostLabel: z.preprocess((v) => (v === "" ? undefined : v), label.optional()),
});

export type SourceResult = { ok: true; secret?: string; message: string } | { ok: false; message: string };

export async function listSources(): Promise<AlertSourceView[]> {
  const rows = await db.alertSource.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, name: true, triage: true, hostLabel: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as SourceKind }));
}

export async function createSource(
  admin: SessionUser,
  input: z.output<typeof createSourceInput>,
): Promise<SourceResult> {
  if (await db.alertSource.findUnique({ where: { name: input.name }, select: { id: true } })) {
    return { ok: false, message: `There is already a source named ${input.name}.` };
  }
  const secret = input.secret ?? newSecret();
  const source = await db.alertSource.create({
    data: { kind: input.kind, name: input.name, secretSealed: sealSecret(secret) },
    select: { id: true },
  });
  await recordAudit({
    action: "alert-source.create",
    userId: admin.id,
    detail: `${input.kind} ${input.name} (${source.id})`,
  });
  return { ok: true, secret: input.secret ? undefined : secret, message: `Added ${input.name}.` };
}

export async function setTriage(admin: SessionUser, input: z.output<typeof setTriageInput>): Promise<SourceResult> {
  if (input.triage && !input.hostLabel) return { ok: false, message: "Triage needs the label that names the host." };
  const found = await db.alertSource.findUnique({ where: { id: input.sourceId }, select: { name: true } });
  if (!found) return { ok: false, message: "No such alert source." };
  await db.alertSource.update({
    where: { id: input.sourceId },
    data: {
      triage: input.triage,
      hostLabel: input.hostLabel ?? null,
      // Whoever turns triage on is whose name it runs under (lib/alerts/triage-user.ts).
      triageUserId: input.triage ? admin.id : null,
    },
  });
  await recordAudit({
    action: "alert-source.triage",
    userId: admin.id,
    detail: input.triage ? `${found.name}: triage on, host from label ${input.hostLabel}` : `${found.name}: triage off`,
  });
  return { ok: true, message: input.triage ? `Triage is on for ${found.name}.` : `Triage is off for ${found.name}.` };
}

export async function deleteSource(admin: SessionUser, sourceId: string): Promise<SourceResult> {
  const found = await db.alertSource.findUnique({ where: { id: sourceId }, select: { name: true } });
  if (!found) return { ok: false, message: "No such alert source." };
  await db.alertSource.delete({ where: { id: sourceId } });
  await recordAudit({ action: "alert-source.delete", userId: admin.id, detail: `${found.name} (${sourceId})` });
  return { ok: true, message: `Removed ${found.name}; its URL now answers 404.` };
}
