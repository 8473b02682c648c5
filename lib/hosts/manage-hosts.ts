// Enrolling, listing and revoking hosts. The token is returned once, by createHost and
// rotateHostToken; only its hash is stored.
import "server-only";
import { db } from "@/lib/db/client";
import type { Host } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/runs/audit";
import type { HostView } from "@/lib/runs/protocol";
import { HOST_VIEW_INCLUDE, toHostView } from "./host-view";
import { agentPresence } from "./presence";
import { generateToken, hashToken, tokenPrefix } from "./tokens";

export class HostError extends Error {}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export function checkHostName(name: string): string {
  const trimmed = name.trim();
  if (!NAME.test(trimmed))
    throw new HostError(
      "A host name is 1–63 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
    );
  return trimmed;
}

export async function createHost(
  name: string,
  opts: { createdById?: string; local?: boolean } = {},
): Promise<{ host: HostView; token: string }> {
  const hostName = checkHostName(name);
  if (await db.host.findUnique({ where: { name: hostName }, select: { id: true } })) {
    throw new HostError(`A host named "${hostName}" already exists.`);
  }
  const token = generateToken();
  const host = await db.host.create({
    data: {
      name: hostName,
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
      local: opts.local ?? false,
      createdById: opts.createdById ?? null,
    },
    include: HOST_VIEW_INCLUDE,
  });
  await recordAudit({
    action: "host.create",
    userId: opts.createdById ?? null,
    hostName,
    detail: opts.local ? "local agent" : null,
  });
  return { host: toHostView(host), token };
}

/** A new token for an existing host (the old one stops working at once); un-revokes it. */
export async function rotateHostToken(hostId: string, byUserId?: string): Promise<{ host: HostView; token: string }> {
  const token = generateToken();
  const host = await db.host.update({
    where: { id: hostId },
    data: { tokenHash: hashToken(token), tokenPrefix: tokenPrefix(token), revokedAt: null },
    include: HOST_VIEW_INCLUDE,
  });
  agentPresence(hostId)?.disconnect("token rotated");
  await recordAudit({ action: "host.rotate", userId: byUserId ?? null, hostName: host.name });
  return { host: toHostView(host), token };
}

/** Refuses the host's token from now on and drops its agent if connected. */
export async function revokeHost(hostId: string, byUserId?: string): Promise<HostView> {
  const existing = await db.host.findUnique({ where: { id: hostId }, include: HOST_VIEW_INCLUDE });
  if (!existing) throw new HostError("No such host.");
  const host = existing.revokedAt
    ? existing
    : await db.host.update({ where: { id: hostId }, data: { revokedAt: new Date() }, include: HOST_VIEW_INCLUDE });
  agentPresence(hostId)?.disconnect("token revoked");
  await recordAudit({ action: "host.revoke", userId: byUserId ?? null, hostName: host.name });
  return toHostView(host);
}

/** Online hosts first, then by name. */
export async function listHosts(opts: { includeRevoked?: boolean } = {}): Promise<HostView[]> {
  const hosts = await db.host.findMany({
    where: opts.includeRevoked ? {} : { revokedAt: null },
    orderBy: { name: "asc" },
    include: HOST_VIEW_INCLUDE,
  });
  return hosts.map(toHostView).sort((a, b) => Number(b.online) - Number(a.online));
}

export async function getHost(hostId: string): Promise<HostView | null> {
  const host = await db.host.findUnique({ where: { id: hostId }, include: HOST_VIEW_INCLUDE });
  return host ? toHostView(host) : null;
}

export type AgentAuth = { ok: true; host: Host } | { ok: false; reason: string };

/** The host a presented agent token belongs to. */
export async function authenticateAgentToken(token: unknown): Promise<AgentAuth> {
  if (typeof token !== "string" || token.length < 10 || token.length > 200)
    return { ok: false, reason: "missing or malformed agent token" };
  const host = await db.host.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!host) return { ok: false, reason: "unknown agent token" };
  if (host.revokedAt) return { ok: false, reason: `the token for host "${host.name}" was revoked` };
  return { ok: true, host };
}
