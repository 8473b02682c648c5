// The /ui session of each socket: read once at the handshake, then reused until its user changes
// (lib/auth/user-epoch: a ban, role change, deletion or ended session) or RECHECK_MS passes, so a
// flood of requests costs no session reads. A change is also acted on at once, without waiting for
// a request: the user's open sockets are re-checked, a user no longer signed in is disconnected
// (no more output reaches a banned watcher), a new role applies to the next request and rooms the
// user may no longer watch are left. Under scale-out the change is relayed to the other instances.
import type { Namespace } from "socket.io";
import { z } from "zod";
import { mayDo } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/request-user";
import { bumpUser, changedSince, onUserChange, userClock } from "@/lib/auth/user-epoch";
import { log } from "@/lib/log";
import type { HubOptions } from "./options";
import type { UiNamespace, UiSocket } from "./ui-socket";

/**
 * The longest a resolved session is reused without a read. Bumps cover every change made through
 * better-auth; this bounds what they cannot see: an expired session, a hand edit of the database,
 * and a change on another instance when that instance's relay was lost.
 */
const RECHECK_MS = 60_000;

/** Instance to instance (socket.io serverSideEmit over the Redis adapter): this user changed. */
export const USER_CHANGED = "hub.userChanged";

interface RelayEvents {
  [USER_CHANGED]: (userId: unknown) => void;
}

type RelayNamespace = Namespace<Record<string, never>, Record<string, never>, RelayEvents>;

interface Resolved {
  /** userClock() taken before the session was read: any bump since makes it stale. */
  clock: number;
  at: number;
}

export interface UiSessions {
  /** At the handshake: reads the session, and keeps it on socket.data. */
  resolve(socket: UiSocket): Promise<SessionUser | null>;
  /** Before a request: the kept user, read again only when stale. Null: signed out, banned or deleted. */
  current(socket: UiSocket): Promise<SessionUser | null>;
  /**
   * Before a signal, which is not worth a read: whether the kept user is unchanged since it was
   * read. False from a ban or role change until its re-check has read the session again.
   */
  settled(socket: UiSocket): boolean;
  close(): void;
}

export function setupUiSessions(
  nsp: UiNamespace,
  opts: Pick<HubOptions, "authenticateUser" | "redisUrl">,
  headersOf: (socket: UiSocket) => Headers,
): UiSessions {
  const resolved = new WeakMap<UiSocket, Resolved>();

  async function read(socket: UiSocket): Promise<SessionUser | null> {
    const stamp = { clock: userClock(), at: Date.now() };
    const user = await opts.authenticateUser(headersOf(socket));
    if (user) {
      socket.data = { ...socket.data, user };
      resolved.set(socket, stamp);
    }
    return user;
  }

  function fresh(socket: UiSocket): boolean {
    const stamp = resolved.get(socket);
    const user = socket.data.user as SessionUser | undefined;
    return !!stamp && !!user && !changedSince(user.id, stamp.clock) && Date.now() - stamp.at < RECHECK_MS;
  }

  /** A user's change, applied to their open sockets here now. */
  async function recheck(socket: UiSocket): Promise<void> {
    const user = await read(socket);
    if (!user) {
      const error = { code: "unauthorized" as const, message: "Your session ended; sign in again." };
      socket.emit("run.error", { runId: null, error });
      socket.disconnect(true);
      log.info({ userId: socket.data.user.id, socketId: socket.id }, "ui socket closed: its user lost access");
      return;
    }
    if (!mayDo(user, "watch").allowed) {
      for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
    }
  }

  const relay = nsp as unknown as RelayNamespace;
  const stop = onUserChange((userId, origin) => {
    // Without Redis the default adapter has no other instances to tell.
    if (origin === "local" && opts.redisUrl) relay.serverSideEmit(USER_CHANGED, userId);
    for (const socket of nsp.sockets.values()) {
      if (socket.data.user?.id !== userId) continue;
      recheck(socket).catch((err: unknown) => {
        log.error({ err, userId }, "could not re-check a ui socket after its user changed; closing it");
        socket.disconnect(true);
      });
    }
  });
  if (opts.redisUrl) {
    relay.on(USER_CHANGED, (raw) => {
      const userId = z.string().min(1).safeParse(raw);
      if (userId.success) bumpUser(userId.data, "remote");
    });
  }

  return {
    resolve: read,
    current: (socket) => (fresh(socket) ? Promise.resolve(socket.data.user) : read(socket)),
    settled: (socket) => {
      const stamp = resolved.get(socket);
      return !!stamp && !changedSince(socket.data.user.id, stamp.clock);
    },
    close: stop,
  };
}
