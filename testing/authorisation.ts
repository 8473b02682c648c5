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

/**
 * Who may use an entry point: anyone, a signed-in user with at least this role, an editor (declared
 * for operators; the editor permission is checked inside, and among the principals only the admin
 * holds it), or nobody at all.
 */
export type Rule = "public" | Role | "editor" | "nobody";

/** The role an entry point with this rule is declared with (route(), formAction, a page). */
export const declaredRole = (rule: Rule): string => (rule === "editor" ? "operator" : rule);

/** What a try must come to: let through, sent to sign in (no usable session), or refused (role). */
export type Verdict = "allowed" | "sign-in" | "forbidden";

export function expectedVerdict(rule: Rule, principal: Principal): Verdict {
  if (rule === "public") return "allowed";
  const role = roleOf(principal);
  if (!role) return "sign-in";
  if (rule === "nobody") return "forbidden";
  return hasRole({ role }, rule === "editor" ? "admin" : rule) ? "allowed" : "forbidden";
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

/** What one try came to. */
export interface TryResult {
  /** The answer is the entry point's success (2xx, the redirect it ends with...). */
  ok: boolean;
  /** The refusal the answer is, if it is one. */
  refusal: Exclude<Verdict, "allowed"> | null;
  /** The answer, for the message and the leak check. */
  text: string;
  /** What it changed, one line each (testing/db-snapshot.ts changes()). */
  changed: string[];
}

export interface TryExpectation {
  verdict: Verdict;
  /** Tables an allowed try changes (at least); none: it must change nothing, even when allowed. */
  writes: readonly string[];
  /** Text an allowed answer holds. */
  shows?: string;
  /** Seeded text a refused answer must not hold. */
  secrets: readonly string[];
}

/** What is wrong with one try, one message each; `at` names the entry point and the principal. */
export function judgeTry(at: string, want: TryExpectation, got: TryResult): string[] {
  const brief = (lines: string[]) => lines.map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line));
  const wrong: string[] = [];
  const tables = new Set(got.changed.map((line) => line.split(" ")[1]));
  if (want.verdict === "allowed") {
    if (!got.ok) wrong.push(`${at}: should be allowed, got ${got.text.slice(0, 200)}`);
    const missing = want.writes.filter((table) => !tables.has(table));
    if (got.ok && missing.length) wrong.push(`${at}: allowed, but it changed no ${missing.join(", ")}`);
    if (!want.writes.length && got.changed.length) wrong.push(`${at}: changed ${brief(got.changed).join("; ")}`);
    if (got.ok && want.shows && !got.text.includes(want.shows))
      wrong.push(`${at}: allowed, but its answer lacks "${want.shows}"`);
  } else {
    if (got.refusal !== want.verdict)
      wrong.push(`${at}: should be refused (${want.verdict}), got ${got.text.slice(0, 200)}`);
    if (got.changed.length) wrong.push(`${at}: refused, yet it changed ${brief(got.changed).join("; ")}`);
    const leaked = want.secrets.filter((secret) => got.text.includes(secret));
    if (leaked.length) wrong.push(`${at}: refused, yet its answer holds ${leaked.join(", ")}`);
  }
  return wrong;
}
