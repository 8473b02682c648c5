// Which hosts have an agent connected to this server process. Kept on globalThis because the
// custom server (which owns the sockets) and the Next.js bundle (which renders host lists) load
// separate copies of this module in the same process.
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

const store = globalThis as unknown as { casebookAgentPresence?: PresenceState };
const state: PresenceState = (store.casebookAgentPresence ??= { agents: new Map(), listeners: new Set() });

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
