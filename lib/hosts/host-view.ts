// A Host row as the UI sees it: never the token hash; its access list with names, never emails
// (every browser hears host.status).
import type { Prisma } from "@/lib/db/generated/client";
import type { HostAccess } from "@/lib/auth/host-access";
import { isRole } from "@/lib/auth/roles";
import { isRisk } from "@/lib/playbooks/format";
import type { HostView } from "@/lib/runs/protocol";
import { isOnlineAnywhere } from "./presence";

type HostPolicy = NonNullable<HostView["policy"]>;

/** What a Host query must include for its view or its access list: the users named on the list. */
export const HOST_VIEW_INCLUDE = {
  accessUsers: { select: { user: { select: { id: true, name: true } } } },
} as const satisfies Prisma.HostInclude;

export type HostRow = Prisma.HostGetPayload<{ include: typeof HOST_VIEW_INCLUDE }>;

function policyOf(value: unknown): HostPolicy | null {
  if (!value || typeof value !== "object") return null;
  const p = value as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null);
  if (!isRisk(p.maxRisk)) return null;
  return { maxRisk: p.maxRisk, allowTags: list(p.allowTags), allowPlaybooks: list(p.allowPlaybooks) };
}

/** The stored list; a stored role this version does not know closes the host to all but admins. */
export function accessOf(host: Pick<HostRow, "accessMinRole" | "accessByName" | "accessUsers">): HostAccess {
  const users = host.accessUsers.map((a) => a.user).sort((a, b) => a.name.localeCompare(b.name));
  return {
    minRole: isRole(host.accessMinRole) ? host.accessMinRole : "admin",
    users: host.accessByName ? users : null,
  };
}

export function toHostView(host: HostRow): HostView {
  return {
    id: host.id,
    name: host.name,
    local: host.local,
    online: !host.revokedAt && isOnlineAnywhere(host),
    lastSeenAt: host.lastSeenAt?.toISOString() ?? null,
    os: host.os,
    agentVersion: host.agentVersion,
    policy: policyOf(host.policy),
    revoked: host.revokedAt !== null,
    tokenPrefix: host.tokenPrefix,
    createdAt: host.createdAt.toISOString(),
    access: accessOf(host),
  };
}
