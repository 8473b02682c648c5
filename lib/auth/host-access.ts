// Who may use a host at all: its access list. Using a host is everything done with it: starting a
// run there, acting on its runs and watching them (their output can be sensitive). An admin may
// restrict a host to named users, to a minimum role, or both (then a user needs both); admins
// always pass. The hub refuses with this rule and the UI disables and explains what it would
// refuse, so both read it here. Client-safe.
import { z } from "zod";
import type { Permission, RunUser } from "./permissions";
import { hasRole, ROLES, type Role } from "./roles";

export const hostAccessSchema = z.object({
  /** The least role a user needs; "viewer" is no rule by role. */
  minRole: z.enum(ROLES),
  /**
   * The only users (besides admins) who may use the host; null is no rule by name. An empty list
   * is not "open": it is what is left when every listed user was deleted, and only admins pass.
   */
  users: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
});

export type HostAccess = z.infer<typeof hostAccessSchema>;

/** Today's behaviour, and every host's until an admin restricts it. */
export const OPEN_HOST_ACCESS: HostAccess = { minRole: "viewer", users: null };

/** Names shown before the rest are counted. */
const NAMES_SHOWN = 5;

const PLURAL: Record<Role, string> = { viewer: "viewers", operator: "operators", admin: "admins" };

export function isRestricted(access: HostAccess): boolean {
  return access.minRole !== "viewer" || access.users !== null;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function names(users: NonNullable<HostAccess["users"]>): string[] {
  const shown = users.slice(0, NAMES_SHOWN).map((u) => u.name);
  const more = users.length - shown.length;
  return more > 0 ? [...shown, `${more} other user${more === 1 ? "" : "s"}`] : shown;
}

/** Who may use the host, in words ("alice, bob and admins"); null when anyone may. */
export function describeHostAccess(access: HostAccess): string | null {
  if (!isRestricted(access)) return null;
  if (access.minRole === "admin" || access.users?.length === 0) return "admins";
  if (access.users === null) return `${PLURAL[access.minRole]} and admins`;
  const listed = names(access.users);
  if (access.minRole === "viewer") return listOf([...listed, "admins"]);
  return `${listOf(listed)} with the ${access.minRole} role, and admins`;
}

/** Whether `user` may use the host at all; the per-action roles (lib/auth/permissions) still apply. */
export function mayUseHost(
  user: Pick<RunUser, "id"> & { role: string },
  host: { name: string; access: HostAccess },
): Permission {
  const { access } = host;
  if (hasRole(user, "admin") || !isRestricted(access)) return { allowed: true };
  const byRole = hasRole(user, access.minRole);
  const byName = access.users === null || access.users.some((u) => u.id === user.id);
  if (byRole && byName) return { allowed: true };
  return { allowed: false, reason: `Host "${host.name}" is restricted to ${describeHostAccess(access)}.` };
}
