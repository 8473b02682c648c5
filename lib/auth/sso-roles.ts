// Which Casebook role an OpenID Connect profile earns, from the groups the identity provider puts in
// it. Pure: the config (./sso-config.ts) parses the map with parseRoleMap, the sign-in (./sso.ts) asks
// ssoVerdict at every SSO sign-in.
import { ROLES, isRole, type Role } from "./roles";

/** Group name → role. A group may be named once. */
export type RoleMap = ReadonlyMap<string, Role>;

/**
 * `casebook-admins=admin,oncall=operator` (commas or newlines between pairs) to a map. Throws with
 * the pair at fault, so a typo stops the server at start instead of quietly granting nothing.
 */
export function parseRoleMap(text: string): RoleMap {
  const map = new Map<string, Role>();
  for (const pair of text.split(/[,\n]/)) {
    if (pair.trim() === "") continue;
    const at = pair.lastIndexOf("=");
    const group = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at < 0 || group === "") throw new Error(`expected group=role, got ${JSON.stringify(pair.trim())}`);
    if (!isRole(role))
      throw new Error(`${JSON.stringify(role)} for group ${group} is not a role (${ROLES.join(", ")})`);
    if (map.has(group)) throw new Error(`group ${JSON.stringify(group)} is mapped twice`);
    map.set(group, role);
  }
  return map;
}

/**
 * The groups in `claim`: a list of strings, or one string of names separated by commas or spaces.
 * The claim is looked up by its whole name first (Auth0's namespaced claims are URLs with dots in
 * them), then as a dotted path into nested objects (Keycloak's `realm_access.roles`).
 */
export function groupsIn(profile: Record<string, unknown>, claim: string): string[] {
  const value = claim in profile ? profile[claim] : claimAtPath(profile, claim.split("."));
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

function claimAtPath(value: unknown, path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null || !(key in at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The highest role any of the groups maps to, else `fallback` (null: none). */
export function mappedRole(groups: readonly string[], map: RoleMap, fallback: Role | null): Role | null {
  let best = -1;
  for (const group of groups) {
    const role = map.get(group);
    if (role) best = Math.max(best, ROLES.indexOf(role));
  }
  return best >= 0 ? (ROLES[best] ?? null) : fallback;
}

export interface SsoPolicy {
  roleMap: RoleMap;
  /** The role of someone in none of the mapped groups; null refuses them. */
  defaultRole: Role | null;
  /** Whether someone without a Casebook account gets one at their first sign-in. */
  jit: boolean;
}

/** Why an SSO sign-in is refused: the code reaches /sign-in?error=…, which explains it. */
export const SSO_REFUSALS = {
  noRole: "sso_no_role",
  notProvisioned: "sso_not_provisioned",
  emailNotVerified: "sso_email_not_verified",
} as const;

export type SsoRefusal = (typeof SSO_REFUSALS)[keyof typeof SSO_REFUSALS];

export type SsoVerdict = { role: Role; groups: string[] } | { refused: SsoRefusal; groups: string[] };

/**
 * The verdict on one SSO sign-in. `existing`: a Casebook user with this identity or this email is
 * already there. Emails must be verified by the provider wherever they decide who someone is: to
 * match an account an admin made, or to make one.
 */
export function ssoVerdict(
  policy: SsoPolicy,
  attempt: { groups: string[]; existing: boolean; linked: boolean; emailVerified: boolean },
): SsoVerdict {
  const { groups } = attempt;
  if (!attempt.existing && !policy.jit) return { refused: SSO_REFUSALS.notProvisioned, groups };
  if (!attempt.linked && !attempt.emailVerified) return { refused: SSO_REFUSALS.emailNotVerified, groups };
  const role = mappedRole(groups, policy.roleMap, policy.defaultRole);
  return role ? { role, groups } : { refused: SSO_REFUSALS.noRole, groups };
}
