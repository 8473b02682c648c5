// User management for admins. Callers check the admin role first (requireUser("admin")); better-auth
// checks it again from the same session headers, and every change leaves an AuditEvent.
import "server-only";
import { APIError } from "better-auth/api";
import type * as z from "zod";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/runs/audit";
import { auth } from "./auth";
import type { SessionUser } from "./request-user";
import type { Role } from "./roles";
import type { createUserInput, setBannedInput, setRoleInput } from "./user-input";

export type UserAdminResult = { ok: true; message: string } | { ok: false; message: string };

export interface ListedUser {
  id: string;
  name: string;
  email: string;
  role: string;
  banned: boolean;
  createdAt: Date;
}

export async function listUsers(): Promise<ListedUser[]> {
  const rows = await db.user.findMany({
    select: { id: true, name: true, email: true, role: true, banned: true, createdAt: true },
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
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { email: true, role: true } });
  if (!target) return { ok: false, message: "No such user." };
  try {
    await auth.api.setRole({ body: { userId: input.userId, role: input.role satisfies Role }, headers });
    await audit("user.role", actor, { target: input.userId, email: target.email, from: target.role, to: input.role });
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
