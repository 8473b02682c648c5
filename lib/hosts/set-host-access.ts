// An admin sets who may use a host (lib/auth/host-access.ts). The change and its `host.access`
// audit event (the list before and after) are one transaction; the hub hears of it at once
// (host-access-epoch) and stops the streams of watchers the new list leaves out.
import "server-only";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { withAudit } from "@/lib/runs/audit";
import type { HostView } from "@/lib/runs/protocol";
import { bumpHostAccess } from "./host-access-epoch";
import { HOST_VIEW_INCLUDE, toHostView } from "./host-view";
import { HostError } from "./manage-hosts";

export interface SetHostAccessOptions {
  hostId: string;
  minRole: Role;
  /** The only users (besides admins) who may use the host, by email; null for no list by name. */
  emails: string[] | null;
  byUserId: string;
}

/** The list as the audit trail records it: emails, which say who it was even after a rename. */
interface AccessRecord {
  minRole: string;
  users: string[] | null;
}

/** The list as stored, with what the host's view and the audit record need of each user. */
const LIST_SELECT = {
  accessMinRole: true,
  accessByName: true,
  accessUsers: { select: { user: { select: { id: true, name: true, email: true } } } },
} as const satisfies Prisma.HostSelect;

function recordOf(host: Prisma.HostGetPayload<{ select: typeof LIST_SELECT }>): AccessRecord {
  const users = host.accessByName ? host.accessUsers.map((a) => a.user.email).sort() : null;
  return { minRole: host.accessMinRole, users };
}

/**
 * Replaces the host's list. Throws HostError, with nothing saved, for an unknown host or an email
 * no user has. Setting the list it already has writes nothing and audits nothing.
 */
export async function setHostAccess(opts: SetHostAccessOptions): Promise<{ host: HostView; changed: boolean }> {
  const emails = opts.emails && [...new Set(opts.emails.map((e) => e.trim().toLowerCase()))].sort();
  const users = emails?.length
    ? await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })
    : [];
  const unknown = (emails ?? []).filter((e) => !users.some((u) => u.email === e));
  if (unknown.length > 0) throw new HostError(`No user has the email ${unknown.join(", ")}.`);

  const include = { accessUsers: LIST_SELECT.accessUsers };
  const current = await db.host.findUnique({ where: { id: opts.hostId }, include });
  if (!current) throw new HostError("No such host.");
  const after: AccessRecord = { minRole: opts.minRole, users: emails };
  if (JSON.stringify(recordOf(current)) === JSON.stringify(after)) return { host: toHostView(current), changed: false };

  const { row } = await withAudit(
    async (tx) => {
      // Read again inside the transaction: the audit's "before" is what this write replaced.
      const before = recordOf(await tx.host.findUniqueOrThrow({ where: { id: opts.hostId }, select: LIST_SELECT }));
      await tx.hostAccessUser.deleteMany({ where: { hostId: opts.hostId } });
      await tx.hostAccessUser.createMany({ data: users.map((u) => ({ hostId: opts.hostId, userId: u.id })) });
      const data = { accessMinRole: opts.minRole, accessByName: emails !== null };
      return { before, row: await tx.host.update({ where: { id: opts.hostId }, data, include: HOST_VIEW_INCLUDE }) };
    },
    ({ before, row }) => ({
      action: "host.access",
      userId: opts.byUserId,
      hostName: row.name,
      detail: JSON.stringify({ before, after }),
    }),
  );
  bumpHostAccess(opts.hostId);
  return { host: toHostView(row), changed: true };
}
