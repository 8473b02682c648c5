/** Casebook's roles, least to most privileged: each role can do everything the ones before it can. */
export const ROLES = ["viewer", "operator", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether a user's role reaches `min`. Roles are stored as text, so an unknown value (a hand
 * edit, or a role from a newer version) grants nothing rather than guessing.
 */
export function hasRole(user: { role: string }, min: Role): boolean {
  if (!isRole(user.role)) return false;
  return ROLES.indexOf(user.role) >= ROLES.indexOf(min);
}
