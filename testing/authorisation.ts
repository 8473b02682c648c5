// The authorisation matrix's vocabulary: who tries (principals), what an entry allows (rules), and
// what each try must come to. Each matrix (app/authorisation-matrix.test.ts, server/hub/hub-matrix
// .test.ts, e2e/authorisation-matrix.spec.ts) has its own expectation table of rules, written by
// hand and checked against what the code does. Only the role order is imported, so the e2e spec
// can use this module too.
import { hasRole, type Role } from "../lib/auth/roles";

/**
 * Everyone the matrix tries each entry point as. `banned` is an admin who was signed in and then
 * banned, trying with the cookie they kept; `agent` presents a revoked agent token where a
 * session would go. Neither may do more than `anonymous`.
 */
export const PRINCIPALS = ["anonymous", "viewer", "operator", "admin", "banned", "agent"] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** The signed-in principals and the role each one has. */
export const PRINCIPAL_ROLES = {
  viewer: "viewer",
  operator: "operator",
  admin: "admin",
} as const satisfies Partial<Record<Principal, Role>>;

/** Who may use an entry point: anyone, a signed-in user with at least this role, or nobody at all. */
export type Rule = "public" | Role | "nobody";

/** What a try must come to: let through, sent to sign in (no usable session), or refused (role). */
export type Verdict = "allowed" | "sign-in" | "forbidden";

export function expectedVerdict(rule: Rule, principal: Principal): Verdict {
  if (rule === "public") return "allowed";
  const role = roleOf(principal);
  if (!role) return "sign-in";
  if (rule === "nobody") return "forbidden";
  return hasRole({ role }, rule) ? "allowed" : "forbidden";
}

/** The role a principal signs in with; none for those without a usable session. */
export function roleOf(principal: Principal): Role | null {
  return principal in PRINCIPAL_ROLES ? PRINCIPAL_ROLES[principal as keyof typeof PRINCIPAL_ROLES] : null;
}

/**
 * Keys found in the code but missing from a table, and keys in a table that the code no longer
 * has: each as a message that names the table, the key and the line to add or remove.
 */
export function tableGaps(found: readonly string[], table: object, where: string, example: string): string[] {
  const listed = new Set(Object.keys(table));
  const present = new Set(found);
  return [
    ...found
      .filter((key) => !listed.has(key))
      .map((key) => `${JSON.stringify(key)} has no entry in ${where}: add \`${JSON.stringify(key)}: ${example},\``),
    ...[...listed]
      .filter((key) => !present.has(key))
      .map((key) => `${JSON.stringify(key)} in ${where} names nothing that exists any more: remove it`),
  ];
}
