// A process-wide change counter per user. Whatever can take authority away from a user (a ban, a
// role change, deletion, a sign-out or any ended session) bumps it, from better-auth's database
// hooks (lib/auth/auth.ts). Holders of a user resolved earlier, such as the hub's /ui sockets,
// compare counters instead of reading the session again on every request, and hear of each bump at
// once so they can re-check open connections. In-process only: across server instances the hub
// relays bumps itself (server/hub/ui-session.ts).
import { processSingleton } from "@/lib/process-singleton";

/** "local": the change was made in this process; "remote": another instance reported it. */
export type ChangeOrigin = "local" | "remote";
type Listener = (userId: string, origin: ChangeOrigin) => void;

interface Epochs {
  /** Bumps so far in this process, all users together: a point in time to compare against. */
  clock: number;
  /** Per user, the clock at their latest bump. */
  changedAt: Map<string, number>;
  listeners: Set<Listener>;
}

// On globalThis: the Next.js bundle (where better-auth's hooks run) and the custom server (the
// hub) each load their own copy of this module.
const epochs = () =>
  processSingleton<Epochs>("user-epochs", () => ({ clock: 0, changedAt: new Map(), listeners: new Set() }));

/** Now, as a value to pass to changedSince later: take it before reading the user, not after. */
export function userClock(): number {
  return epochs().clock;
}

/** Whether the user changed after `clock` (taken with userClock()). */
export function changedSince(userId: string, clock: number): boolean {
  return (epochs().changedAt.get(userId) ?? -1) >= clock;
}

/** Marks everything resolved about the user so far as stale, and tells the listeners. */
export function bumpUser(userId: string, origin: ChangeOrigin = "local"): void {
  const e = epochs();
  e.changedAt.set(userId, e.clock++);
  for (const listener of e.listeners) {
    try {
      listener(userId, origin);
    } catch {
      // A listener's failure must not undo the change that bumped (a ban, a sign-out).
    }
  }
}

/** Calls `listener` on every bump; returns the unsubscribe. */
export function onUserChange(listener: Listener): () => void {
  const e = epochs();
  e.listeners.add(listener);
  return () => e.listeners.delete(listener);
}
