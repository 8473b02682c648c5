// Puts the role single sign-on decided on an existing user, at each SSO sign-in (./sso.ts).
import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "./roles";
import { bumpUser } from "./user-epoch";

/**
 * Sets the user's role; returns the role they had. A changed role clears the editor permission, as
 * an admin's role change does (lib/auth/user-admin.ts), and bumps the user's epoch so open sockets
 * re-check at once.
 */
export async function applySsoRole(userId: string, role: Role): Promise<string | undefined> {
  const current = await db.user.findUnique({ where: { id: userId }, select: { role: true, editor: true } });
  if (!current) return undefined;
  if (current.role === role) return current.role ?? undefined;
  await db.user.update({ where: { id: userId }, data: { role, ...(current.editor ? { editor: false } : {}) } });
  bumpUser(userId);
  return current.role ?? undefined;
}
