// A user's role as the database has it now, for a request whose user was resolved elsewhere (a
// scale-out instance forwarding a browser's command): the stored row may be banned, deleted or demoted.
import "server-only";
import { db } from "@/lib/db/client";
import type { SessionUser } from "./request-user";
import { isRole, ROLES, type Role } from "./roles";

const lower = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

/** The user capped by the stored row: null when it is gone or banned, never a higher role than given. */
export async function recheckUser(user: SessionUser): Promise<SessionUser | null> {
  const select = { role: true, banned: true, banExpires: true } as const;
  const row = await db.user.findUnique({ where: { id: user.id }, select });
  if (!row) return null;
  if (row.banned && (!row.banExpires || row.banExpires > new Date())) return null;
  return { ...user, role: isRole(row.role) ? lower(user.role, row.role) : "viewer" };
}
