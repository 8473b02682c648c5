// Which hosts have an agent connected to this server process. One per process
// (lib/process-singleton.ts): the custom server owns the sockets, the Next.js bundle renders host lists.
import { processSingleton } from "@/lib/process-singleton";

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

export function agentPresence(hostId: string): AgentPresence | undefined {
  return state.agents.get(hostId);
}

export function onPresenceChange(listener: Listener): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}
