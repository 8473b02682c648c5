// Host access lists on /ui (the rule is mayUseHost in lib/auth/host-access.ts). Every request whose
// command-table entry names a host (`host`: its hostId, or its run's host) is checked here once,
// after the role check and before its handler, where the browser is connected; a forwarded request
// was checked before it left. A change to a list applies at once: sockets it leaves out leave the
// rooms of that host's runs (no more output reaches them) and are told why, and every browser gets
// the host's new status. Each join of a run's room is checked too, so a subscribe that raced the
// change cannot keep a seat. Under scale-out the change is relayed like a user's (ui-session.ts).
//
// Lists are read once and kept until their host's epoch moves (lib/hosts/host-access-epoch) or
// RECHECK_MS passes, so a flood of requests costs no reads; a run's host never changes.
import type { Namespace } from "socket.io";
import { z } from "zod";
import { mayUseHost } from "@/lib/auth/host-access";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/request-user";
import {
  bumpHostAccess,
  hostAccessChangedSince,
  hostAccessClock,
  onHostAccessChange,
} from "@/lib/hosts/host-access-epoch";
import { hostAccessOf, hostOfRun, type HostAccessEntry } from "@/lib/hosts/host-access-store";
import { getHost } from "@/lib/hosts/manage-hosts";
import { log } from "@/lib/log";
import type { UiError } from "@/lib/runs/protocol";
import type { HubOptions } from "./options";
import type { RunManager } from "./run-manager";
import type { ErasedHandler } from "./ui-commands";
import { runRoom, type UiNamespace, type UiSocket } from "./ui-socket";

/** The longest a list is kept without a read: it bounds a hand edit or a lost relay. */
const RECHECK_MS = 60_000;
/** Runs whose host is kept; the oldest is forgotten first (and read again when next asked). */
const MAX_RUNS_KEPT = 10_000;
const RUN_ROOM_PREFIX = runRoom("");

/** Instance to instance (socket.io serverSideEmit over the Redis adapter): this host's list changed. */
export const HOST_ACCESS_CHANGED = "hub.hostAccessChanged";

interface RelayEvents {
  [HOST_ACCESS_CHANGED]: (hostId: unknown) => void;
}

type RelayNamespace = Namespace<Record<string, never>, Record<string, never>, RelayEvents>;

type Refused = { ok: false; error: UiError };

export interface HostAccessGate {
  /** Null when the list lets the user in, or the host or run is unknown (the handler says so). */
  refusal(user: SessionUser, handler: Pick<ErasedHandler, "host">, req: unknown): Promise<Refused | null>;
  close(): void;
}

export function setupHostAccess(
  nsp: UiNamespace,
  runs: Pick<RunManager, "watcherGone" | "hostOfHeld">,
  opts: Pick<HubOptions, "redisUrl">,
): HostAccessGate {
  const lists = new Map<string, { entry: HostAccessEntry; clock: number; at: number }>();
  const runHosts = new Map<string, string>();

  async function listOf(hostId: string): Promise<HostAccessEntry | null> {
    const kept = lists.get(hostId);
    if (kept && !hostAccessChangedSince(hostId, kept.clock) && Date.now() - kept.at < RECHECK_MS) return kept.entry;
    const clock = hostAccessClock(); // before the read: a change while reading makes the entry stale
    const entry = await hostAccessOf(hostId);
    if (entry) lists.set(hostId, { entry, clock, at: Date.now() });
    else lists.delete(hostId);
    return entry;
  }

  async function hostOf(runId: string): Promise<string | null> {
    // A run's host never changes: the one this process holds it for, or the one read before.
    const kept = runs.hostOfHeld(runId) ?? runHosts.get(runId);
    if (kept) return kept;
    const hostId = await hostOfRun(runId);
    if (!hostId) return null; // unknown ids are not kept: a flood of them must not grow the map
    if (runHosts.size >= MAX_RUNS_KEPT) runHosts.delete(runHosts.keys().next().value!);
    runHosts.set(runId, hostId);
    return hostId;
  }

  async function check(user: SessionUser, hostId: string): Promise<Permission | null> {
    const entry = await listOf(hostId);
    return entry && mayUseHost(user, entry);
  }

  /** Keeps the socket in the run's room only while the run's host (if it is `onlyHost`) lets it in. */
  async function enforce(socket: UiSocket, runId: string, onlyHost?: string): Promise<void> {
    const hostId = await hostOf(runId);
    if (!hostId || (onlyHost && hostId !== onlyHost)) return;
    const may = await check(socket.data.user, hostId);
    if (!may || may.allowed || !socket.rooms.has(runRoom(runId))) return;
    await socket.leave(runRoom(runId));
    runs.watcherGone(socket.id);
    socket.emit("run.error", { runId, error: { code: "forbidden", message: may.reason } });
    log.info({ user: socket.data.user.email, runId, hostId }, "ui socket left a run: the host's access list");
  }

  function enforceOrClose(socket: UiSocket, runId: string, onlyHost?: string): void {
    enforce(socket, runId, onlyHost).catch((err: unknown) => {
      log.error({ err, runId }, "could not check a watcher against its host's access list; closing its socket");
      socket.disconnect(true);
    });
  }

  const onJoin = (room: string, socketId: string) => {
    const socket = room.startsWith(RUN_ROOM_PREFIX) ? nsp.sockets.get(socketId) : undefined;
    if (socket) enforceOrClose(socket, room.slice(RUN_ROOM_PREFIX.length));
  };
  nsp.adapter.on("join-room", onJoin);

  const relay = nsp as unknown as RelayNamespace;
  const stop = onHostAccessChange((hostId, origin) => {
    lists.delete(hostId);
    for (const socket of nsp.sockets.values()) {
      for (const room of socket.rooms) {
        if (room.startsWith(RUN_ROOM_PREFIX)) enforceOrClose(socket, room.slice(RUN_ROOM_PREFIX.length), hostId);
      }
    }
    // The instance where the change was made tells the others, and every browser (through the
    // adapter) the host's new list; an instance that only heard of it has nothing more to say.
    if (origin !== "local") return;
    if (opts.redisUrl) relay.serverSideEmit(HOST_ACCESS_CHANGED, hostId);
    getHost(hostId)
      .then((host) => host && nsp.emit("host.status", host))
      .catch((err: unknown) => log.warn({ err, hostId }, "could not publish a host's new access list"));
  });
  if (opts.redisUrl) {
    relay.on(HOST_ACCESS_CHANGED, (raw) => {
      const hostId = z.string().min(1).safeParse(raw);
      if (hostId.success) bumpHostAccess(hostId.data, "remote");
    });
  }

  return {
    async refusal(user, handler, req) {
      if (handler.host === null) return null;
      const hostId =
        handler.host === "hostId" ? (req as { hostId: string }).hostId : await hostOf((req as { runId: string }).runId);
      const may = hostId ? await check(user, hostId) : null;
      return may && !may.allowed ? { ok: false, error: { code: "forbidden", message: may.reason } } : null;
    },
    close() {
      stop();
      nsp.adapter.off("join-room", onJoin);
    },
  };
}
