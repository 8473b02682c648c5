// User management for admins. Callers check the admin role first (requireUser("admin")); better-auth
// checks it again from the same session headers, and every change leaves an AuditEvent.
import "server-only";
import { APIError } from "better-auth/api";
import type * as z from "zod";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { recordAudit, withAudit } from "@/lib/runs/audit";
import { auth } from "./auth";
import type { SessionUser } from "./request-user";
import { hasRole, type Role } from "./roles";
import { bumpUser } from "./user-epoch";
import type { createUserInput, setBannedInput, setEditorInput, setRoleInput } from "./user-input";

export type UserAdminResult = { ok: true; message: string } | { ok: false; message: string };

export interface ListedUser {
  id: string;
  name: string;
  email: string;
  role: string;
  banned: boolean;
  editor: boolean;
  createdAt: Date;
}

export async function listUsers(): Promise<ListedUser[]> {
  const rows = await db.user.findMany({
    select: { id: true, name: true, email: true, role: true, banned: true, editor: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ ...row, banned: row.banned === true }));
}

async function audit(action: string, actor: SessionUser, detail: Record<string, unknown>): Promise<void> {
  await recordAudit({ action, userId: actor.id, detail: JSON.stringify(detail) });
  log.info({ action, actor: actor.id, ...detail }, "user admin");
}

function refused(err: unknown): UserAdminResult {
  if (err instanceof APIError) return { ok: false, message: err.body?.message ?? err.message };
  throw err;
}

export async function createUser(
  actor: SessionUser,
  input: z.infer<typeof createUserInput>,
  headers: Headers,
): Promise<UserAdminResult> {
  try {
    const { user } = await auth.api.createUser({
      body: { name: input.name, email: input.email, password: input.password, role: input.role },
      headers,
    });
    await audit("user.create", actor, { target: user.id, email: user.email, role: input.role });
    return { ok: true, message: `Created ${user.email} as ${input.role}.` };
  } catch (err) {
    return refused(err);
  }
}

export async function setRole(
  actor: SessionUser,
  input: z.infer<typeof setRoleInput>,
  headers: Headers,
): Promise<UserAdminResult> {
  // An admin demoting themselves could leave nobody able to manage users.
  if (input.userId === actor.id) return { ok: false, message: "You cannot change your own role." };
  const target = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, role: true, editor: true },
  });
  if (!target) return { ok: false, message: "No such user." };
  try {
    await auth.api.setRole({ body: { userId: input.userId, role: input.role satisfies Role }, headers });
    // The editor permission was granted to the user in their old role; a new role starts without it,
    // so a demotion and a later promotion do not quietly bring it back.
    const editorRevoked = target.editor && input.role !== target.role;
    if (editorRevoked) await db.user.update({ where: { id: input.userId }, data: { editor: false } });
    await audit("user.role", actor, {
      target: input.userId,
      email: target.email,
      from: target.role,
      to: input.role,
      ...(editorRevoked ? { editorRevoked } : {}),
    });
    return { ok: true, message: `${target.email} is now ${input.role}.` };
  } catch (err) {
    return refused(err);
  }
}

export async function setBanned(
  actor: SessionUser,
  input: z.infer<typeof setBannedInput>,
  headers: Headers,
): Promise<UserAdminResult> {
  if (input.userId === actor.id) return { ok: false, message: "You cannot ban yourself." };
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!target) return { ok: false, message: "No such user." };
  try {
    if (input.banned) {
      // better-auth also ends the user's sessions, so the ban applies at once.
      await auth.api.banUser({ body: { userId: input.userId }, headers });
    } else {
      await auth.api.unbanUser({ body: { userId: input.userId }, headers });
    }
    await audit(input.banned ? "user.ban" : "user.unban", actor, { target: input.userId, email: target.email });
    return { ok: true, message: input.banned ? `${target.email} is banned.` : `${target.email} may sign in again.` };
  } catch (err) {
    return refused(err);
  }
}

/**
 * Grants or revokes the editor permission (lib/auth/review-permissions.ts): operators only, since
 * admins always hold it and viewers cannot. The change and its audit event are one transaction.
 */
export async function setEditor(
  actor: Pick<SessionUser, "id" | "role">,
  input: z.infer<typeof setEditorInput>,
): Promise<UserAdminResult> {
  if (!hasRole(actor, "admin")) return { ok: false, message: "Only an admin can grant the editor permission." };
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { email: true, role: true } });
  if (!target) return { ok: false, message: "No such user." };
  if (target.role !== "operator") {
    return { ok: false, message: `${target.email} is ${target.role}: the editor permission is for operators.` };
  }
  await withAudit(
    (tx) => tx.user.update({ where: { id: input.userId }, data: { editor: input.editor } }),
    () => ({
      action: "user.editor",
      userId: actor.id,
      detail: JSON.stringify({ target: input.userId, email: target.email, editor: input.editor }),
    }),
  );
  // Taking the permission away is a loss of authority like any other: holders of this user re-check.
  bumpUser(input.userId);
  log.info({ action: "user.editor", actor: actor.id, target: input.userId, editor: input.editor }, "user admin");
  return {
    ok: true,
    message: input.editor
      ? `${target.email} may now review and publish drafts.`
      : `${target.email} may no longer review or publish drafts.`,
  };
}
