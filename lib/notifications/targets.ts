// Notification targets, managed by admins: an outgoing webhook (its HMAC secret shown once, kept
// sealed) or a Slack-compatible incoming webhook (the URL is its secret).
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/request-user";
import { newSecret, sealSecret } from "@/lib/alerts/seal";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/runs/audit";
import { checkTargetUrl } from "./target-url";

export const TARGET_KINDS = ["webhook", "slack"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const createTargetInput = z.object({
  kind: z.enum(TARGET_KINDS, { error: "must be webhook or slack" }),
  name: z.string().trim().min(1, { error: "is required" }).max(100, { error: "must be at most 100 characters" }),
  url: z
    .string()
    .max(2000, { error: "must be at most 2,000 characters" })
    .transform((s, ctx) => {
      const checked = checkTargetUrl(s);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.reason });
      return checked.ok ? checked.url : s;
    }),
});

export interface TargetView {
  id: string;
  kind: TargetKind;
  name: string;
  /** Scheme, host and path only: a Slack URL's path is its secret, so the page shows the host. */
  host: string;
  createdAt: Date;
}

export type TargetResult = { ok: true; secret?: string; message: string } | { ok: false; message: string };

export async function listTargets(): Promise<TargetView[]> {
  const rows = await db.notificationTarget.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TargetKind,
    name: r.name,
    host: new URL(r.url).host,
    createdAt: r.createdAt,
  }));
}

export async function createTarget(
  admin: SessionUser,
  input: z.output<typeof createTargetInput>,
): Promise<TargetResult> {
  if (await db.notificationTarget.findUnique({ where: { name: input.name }, select: { id: true } })) {
    return { ok: false, message: `There is already a target named ${input.name}.` };
  }
  const secret = input.kind === "webhook" ? newSecret() : undefined;
  const target = await db.notificationTarget.create({
    data: { kind: input.kind, name: input.name, url: input.url, secretSealed: secret ? sealSecret(secret) : null },
    select: { id: true },
  });
  await recordAudit({
    action: "notification-target.create",
    userId: admin.id,
    detail: `${input.kind} ${input.name} to ${new URL(input.url).host} (${target.id})`,
  });
  return { ok: true, secret, message: `Added ${input.name}.` };
}

export async function deleteTarget(admin: SessionUser, targetId: string): Promise<TargetResult> {
  const found = await db.notificationTarget.findUnique({ where: { id: targetId }, select: { name: true } });
  if (!found) return { ok: false, message: "No such target." };
  await db.notificationTarget.delete({ where: { id: targetId } });
  await recordAudit({ action: "notification-target.delete", userId: admin.id, detail: `${found.name} (${targetId})` });
  return { ok: true, message: `Removed ${found.name} and its delivery log.` };
}
