// The editor flag as stored (User.editor), read fresh for each check: it is not in the session, so
// granting or revoking it applies to the user's next request. The rule itself is review-permissions.ts.
import "server-only";
import { db } from "@/lib/db/client";
import type { ReviewUser } from "./review-permissions";
import type { Role } from "./roles";

/** The user with their editor flag; a user who no longer exists holds none. */
export async function reviewUser<U extends { id: string; role: Role }>(user: U): Promise<U & ReviewUser> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { editor: true } });
  return { ...user, editor: row?.editor === true };
}

/** How many users can publish (admins and operators with the flag, banned ones not counted). */
export async function countPublishers(): Promise<number> {
  return db.user.count({
    where: {
      AND: [
        { OR: [{ banned: null }, { banned: false }] },
        { OR: [{ role: "admin" }, { role: "operator", editor: true }] },
      ],
    },
  });
}
