// Reading hosts' access lists: for the hub's check of each request (by host or by run), for the
// pages and routes that show a run's output, and the list as an admin edits it (with emails).
import "server-only";
import { mayUseHost, type HostAccess } from "@/lib/auth/host-access";
import type { Permission, RunUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { accessOf, HOST_VIEW_INCLUDE } from "./host-view";

/** A host as its access check needs it. */
export interface HostAccessEntry {
  id: string;
  name: string;
  access: HostAccess;
}

const ENTRY_SELECT = { id: true, name: true, accessMinRole: true, accessByName: true, ...HOST_VIEW_INCLUDE } as const;

/** Null for an unknown host. */
export async function hostAccessOf(hostId: string): Promise<HostAccessEntry | null> {
  const host = await db.host.findUnique({ where: { id: hostId }, select: ENTRY_SELECT });
  return host ? { id: host.id, name: host.name, access: accessOf(host) } : null;
}

/** The host a run was started on; null for an unknown run. */
export async function hostOfRun(runId: string): Promise<string | null> {
  return (await db.run.findUnique({ where: { id: runId }, select: { hostId: true } }))?.hostId ?? null;
}

/**
 * Whether `user` may see the run's output and inputs, for pages and route handlers (the hub checks
 * its own requests). An unknown run is allowed: the caller answers 404 as it would anyway.
 */
export async function mayWatchRun(user: Pick<RunUser, "id" | "role">, runId: string): Promise<Permission> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { host: { select: ENTRY_SELECT } } });
  return run ? mayUseHost(user, { name: run.host.name, access: accessOf(run.host) }) : { allowed: true };
}

/** The list as the admin's form shows it: the role and the listed users' emails (null: no list). */
export async function editableHostAccess(
  hostId: string,
): Promise<{ minRole: HostAccess["minRole"]; emails: string[] | null } | null> {
  const host = await db.host.findUnique({
    where: { id: hostId },
    select: { accessMinRole: true, accessByName: true, accessUsers: { select: { user: { select: { email: true } } } } },
  });
  if (!host) return null;
  const emails = host.accessUsers.map((a) => a.user.email).sort();
  return { minRole: accessOf({ ...host, accessUsers: [] }).minRole, emails: host.accessByName ? emails : null };
}
