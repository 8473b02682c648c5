// Which hosts have an agent connected to this server process. One per process
// (lib/process-singleton.ts): the custom server owns the sockets, the Next.js bundle renders host lists.
// Across instances, the Host row says which instance holds the agent (agentInstance), kept fresh
// by the agent's heartbeats (lastSeenAt): an instance that died stops refreshing it.
import { randomUUID } from "node:crypto";
import { processSingleton } from "@/lib/process-singleton";

/** This process among the instances sharing a database. */
export const INSTANCE_ID = processSingleton("instanceId", () => ({ id: randomUUID() })).id;

/** Heartbeats refresh lastSeenAt every 10–25 s: a holder silent for longer than this is gone. */
export const PRESENCE_STALE_MS = 60_000;

export interface AgentPresence {
  hostId: string;
  connectedAt: Date;
  /** Closes the agent's connection (revocation). */
  disconnect(reason: string): void;
}

type Listener = (hostId: string, online: boolean) => void;

interface PresenceState {
  agents: Map<string, AgentPresence>;
  listeners: Set<Listener>;
}

const state = processSingleton<PresenceState>("agentPresence", () => ({ agents: new Map(), listeners: new Set() }));

export function markOnline(presence: AgentPresence): void {
  state.agents.set(presence.hostId, presence);
  for (const listener of state.listeners) listener(presence.hostId, true);
}

/** Marks the host offline unless a newer connection already took its place. */
export function markOffline(presence: AgentPresence): void {
  if (state.agents.get(presence.hostId) !== presence) return;
  state.agents.delete(presence.hostId);
  for (const listener of state.listeners) listener(presence.hostId, false);
}

export function isOnline(hostId: string): boolean {
  return state.agents.has(hostId);
}

/** Connected here, or, as the stored row says, to another instance that is still alive. */
export function isOnlineAnywhere(
  host: { id: string; agentInstance: string | null; lastSeenAt: Date | null },
  now = Date.now(),
): boolean {
  if (isOnline(host.id)) return true;
  const fresh = host.lastSeenAt !== null && now - host.lastSeenAt.getTime() < PRESENCE_STALE_MS;
  return host.agentInstance !== null && host.agentInstance !== INSTANCE_ID && fresh;
}

export function agentPresence(hostId: string): AgentPresence | undefined {
  return state.agents.get(hostId);
}

export function onPresenceChange(listener: Listener): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}
