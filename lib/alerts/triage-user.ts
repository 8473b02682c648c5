// Whose name triage runs under: the admin who turned it on for the source, capped at operator, so
// it can run read steps (and, through the hub's own rules, nothing an operator could not) but never
// admin-only work. Read at each alert: a banned or demoted admin stops triage rather than lending it
// a role they no longer have.
import "server-only";
import type { SessionUser } from "@/lib/auth/request-user";
import { hasRole, isRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export type TriageUser = { ok: true; user: SessionUser } | { ok: false; reason: string };

export async function triageUser(userId: string | null): Promise<TriageUser> {
  if (!userId) return { ok: false, reason: "nobody turned triage on for this source" };
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, banned: true },
  });
  if (!row) return { ok: false, reason: "the admin who turned triage on no longer exists" };
  if (row.banned) return { ok: false, reason: `${row.name}, who turned triage on, is banned` };
  if (!isRole(row.role) || !hasRole({ role: row.role }, "operator")) {
    return { ok: false, reason: `${row.name}, who turned triage on, can no longer run steps` };
  }
  return { ok: true, user: { id: row.id, name: row.name, email: row.email, role: "operator" } };
}
