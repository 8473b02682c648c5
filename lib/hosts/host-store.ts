// What the run hub reads and writes about hosts: agent tokens, what an agent reported in its
// hello, when it was last seen, and the host as the UI shows it. The hub uses this interface; the
// Prisma implementation below is the database behind it.
import "server-only";
import type { AgentPolicy } from "@/agent/src/protocol";
import { db } from "@/lib/db/client";
import type { HostView } from "@/lib/runs/protocol";
import { hostAccessOf, type HostAccessEntry } from "./host-access-store";
import { authenticateAgentToken, getHost, type AgentAuth } from "./manage-hosts";
import { INSTANCE_ID, isOnlineAnywhere } from "./presence";

export interface AgentReport {
  os: string;
  agentVersion: string;
  policy: AgentPolicy;
}

export interface HostStore {
  /** The host a presented agent token belongs to. */
  authenticate(token: unknown): Promise<AgentAuth>;
  /** An enrolled, unrevoked host; null otherwise. */
  runnableHost(hostId: string): Promise<{ id: string; name: string } | null>;
  /** What the agent said about itself when it connected. */
  recordHello(hostId: string, report: AgentReport): Promise<void>;
  /** Records that the agent was seen; false when the host has been revoked meanwhile. */
  touch(hostId: string): Promise<boolean>;
  /** The agent's connection to this instance closed: other instances no longer see it here. */
  left(hostId: string): Promise<void>;
  /** Whether the host's agent is connected to any instance (lib/hosts/presence.ts). */
  onlineAnywhere(hostId: string): Promise<boolean>;
  view(hostId: string): Promise<HostView | null>;
  /** Who may use the host, as stored now; null for an unknown host. */
  access(hostId: string): Promise<HostAccessEntry | null>;
}

export const prismaHostStore: HostStore = {
  authenticate: authenticateAgentToken,

  async runnableHost(hostId) {
    const host = await db.host.findUnique({ where: { id: hostId }, select: { id: true, name: true, revokedAt: true } });
    return host && !host.revokedAt ? { id: host.id, name: host.name } : null;
  },

  async recordHello(hostId, report) {
    const seen = { lastSeenAt: new Date(), agentInstance: INSTANCE_ID };
    await db.host.update({ where: { id: hostId }, data: { ...seen, ...report } });
  },

  async touch(hostId) {
    const host = await db.host.update({
      where: { id: hostId },
      data: { lastSeenAt: new Date() },
      select: { revokedAt: true },
    });
    return !host.revokedAt;
  },

  async left(hostId) {
    await db.host.updateMany({
      where: { id: hostId, agentInstance: INSTANCE_ID },
      data: { agentInstance: null, lastSeenAt: new Date() },
    });
  },

  async onlineAnywhere(hostId) {
    const host = await db.host.findUnique({
      where: { id: hostId },
      select: { id: true, agentInstance: true, lastSeenAt: true, revokedAt: true },
    });
    return !!host && !host.revokedAt && isOnlineAnywhere(host);
  },

  view: getHost,
  access: hostAccessOf,
};
