// A user's role as the database has it now, for a request whose user was resolved elsewhere (a
// scale-out instance forwarding a browser's command, a run-all queue launching its next step): the
// stored row may be banned, deleted or demoted.
import "server-only";
import { db } from "@/lib/db/client";
import type { SessionUser } from "./request-user";
import { isRole, ROLES, type Role } from "./roles";

/** Who holds which role now; the hub's RunManager takes it as a port so its tests can fake it. */
export interface UserDirectory {
  /** The stored role; null when the user is gone or banned (an unknown stored role reads as viewer). */
  currentRole(userId: string): Promise<Role | null>;
}

export const prismaUsers: UserDirectory = {
  async currentRole(userId) {
    const select = { role: true, banned: true, banExpires: true } as const;
    const row = await db.user.findUnique({ where: { id: userId }, select });
    if (!row) return null;
    if (row.banned && (!row.banExpires || row.banExpires > new Date())) return null;
    return isRole(row.role) ? row.role : "viewer";
  },
};

const lower = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

/** The user capped by the stored row: null when it is gone or banned, never a higher role than given. */
export async function recheckUser(user: SessionUser): Promise<SessionUser | null> {
  const stored = await prismaUsers.currentRole(user.id);
  return stored ? { ...user, role: lower(user.role, stored) } : null;
}
