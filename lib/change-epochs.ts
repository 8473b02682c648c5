// Process-wide change counters per key: whatever takes authority away (a ban, a tightened host
// access list) bumps its key, and holders of something resolved earlier (the hub's /ui sockets)
// compare counters instead of reading the database again on every request, and hear of each bump
// at once so they can re-check open connections. In-process only: across server instances the hub
// relays bumps itself. Each kind of change has its own set (lib/auth/user-epoch.ts,
// lib/hosts/host-access-epoch.ts).
import { processSingleton } from "@/lib/process-singleton";

/** "local": the change was made in this process; "remote": another instance reported it. */
export type ChangeOrigin = "local" | "remote";
type Listener = (key: string, origin: ChangeOrigin) => void;

interface State {
  /** Bumps so far in this process, all keys together: a point in time to compare against. */
  clock: number;
  /** Per key, the clock at its latest bump. */
  changedAt: Map<string, number>;
  listeners: Set<Listener>;
}

export interface ChangeEpochs {
  /** Now, as a value to pass to changedSince later: take it before reading, not after. */
  clock(): number;
  /** Whether `key` changed after `clock`. */
  changedSince(key: string, clock: number): boolean;
  /** Marks everything resolved about `key` so far as stale, and tells the listeners. */
  bump(key: string, origin?: ChangeOrigin): void;
  /** Calls `listener` on every bump; returns the unsubscribe. */
  onChange(listener: Listener): () => void;
}

/**
 * The epochs named `name`. On globalThis: the Next.js bundle (where the changes are made) and the
 * custom server (the hub) each load their own copy of this module.
 */
export function changeEpochs(name: string): ChangeEpochs {
  const state = () => processSingleton<State>(name, () => ({ clock: 0, changedAt: new Map(), listeners: new Set() }));
  return {
    clock: () => state().clock,
    changedSince: (key, clock) => (state().changedAt.get(key) ?? -1) >= clock,
    bump(key, origin = "local") {
      const s = state();
      s.changedAt.set(key, s.clock++);
      for (const listener of s.listeners) {
        try {
          listener(key, origin);
        } catch {
          // A listener's failure must not undo the change that bumped (a ban, a sign-out).
        }
      }
    },
    onChange(listener) {
      const s = state();
      s.listeners.add(listener);
      return () => s.listeners.delete(listener);
    },
  };
}
