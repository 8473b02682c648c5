// The hub's half of the /ui command table (the browser's half, payloads and replies, is
// UI_COMMANDS in lib/runs/protocol.ts): for every event, the run action whose role it needs
// (lib/auth/permissions), which instance handles it under scale-out, and its handler. The
// namespace dispatches from it and the forwarding sends on what this instance does not own; an
// event without an entry here does not compile.
//
// Owners: "any" is handled where the browser is connected; "host" by the instance holding the
// agent of the payload's hostId; "run" by the instance holding the active run of its runId.
// `host` says whose access list (lib/auth/host-access) the request is checked against before its
// handler (server/hub/host-access.ts): the payload's hostId, its run's host, or none.
import { mayDo, type RunAction } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/request-user";
import type { UiCommand, UiError, UiEvent, UiReply, UiRequest, UiResult, UiSignal } from "@/lib/runs/protocol";
import type { RunStore } from "@/lib/runs/run-store";
import type { Cluster } from "./cluster";
import type { RunManager } from "./run-manager";
import { sendReplay } from "./ui-replay";
import { runRoom, type UiSocket } from "./ui-socket";

/** What every handler may use. */
export interface HubContext {
  runs: RunManager;
  store: RunStore;
  /** The other instances, for a watcher of a step driven elsewhere. */
  cluster: Cluster;
}

/** On the instance that owns the request, which may not be the browser's. */
export interface OwnerContext extends HubContext {
  user: SessionUser;
}

/** On the instance the browser is connected to. */
export interface SocketContext extends OwnerContext {
  socket: UiSocket;
}

/** A reply, and work to do once it is sent (a replay follows its acknowledgement). */
export interface Answer<E extends UiCommand> {
  reply: UiReply<E>;
  after?: () => Promise<void>;
}

type Owner<P> = (P extends { hostId: string } ? "host" : never) | (P extends { runId: string } ? "run" : never);
type HostOf<P> = (P extends { hostId: string } ? "hostId" : never) | (P extends { runId: string } ? "run" : never);
/** null only where nothing reaches the host or its output (leaving a room, an acknowledgement). */
export type HostSource = "hostId" | "run" | null;

interface LocalCommand<E extends UiCommand> {
  needs: RunAction;
  owner: "any";
  host: HostOf<UiRequest<E>> | null;
  handle(ctx: SocketContext, req: UiRequest<E>): Promise<Answer<E>>;
}

interface OwnedCommand<E extends UiCommand> {
  needs: RunAction;
  owner: Owner<UiRequest<E>>;
  host: HostOf<UiRequest<E>>;
  handle(ctx: OwnerContext, req: UiRequest<E>): Promise<UiReply<E>>;
  /** On the browser's instance once the owner answered, before the reply goes out. */
  settle?(socket: UiSocket, reply: UiReply<E>): Promise<void>;
}

/**
 * No acknowledgement, and frequent: checked against the session as last read, not read again, and
 * dropped while a change to its user (a ban, a role) is being re-checked.
 */
interface SignalHandler<E extends UiSignal> {
  needs: RunAction;
  owner: "any";
  /** Signals are not checked against a host: an acknowledgement counts only from a run's watcher. */
  host: null;
  handle(ctx: SocketContext, req: UiRequest<E>): void;
}

export type UiHandler<E extends UiEvent> = E extends UiCommand
  ? LocalCommand<E> | OwnedCommand<E>
  : E extends UiSignal
    ? SignalHandler<E>
    : never;

type Refused = { ok: false; error: UiError };

const notFound = (message: string): Refused => ({ ok: false, error: { code: "not-found", message } });

export const UI_HANDLERS = {
  "run.start": {
    needs: "start-runs",
    owner: "host",
    host: "hostId",
    handle: ({ runs, user }, req) => runs.startRun(user, req),
    settle: async (socket, reply) => {
      if (reply.ok) await socket.join(runRoom(reply.runId));
    },
  },
  "run.subscribe": {
    needs: "watch",
    owner: "any",
    host: "run",
    handle: async (ctx, { runId }) => {
      await ctx.socket.join(runRoom(runId)); // first, so no live chunk falls between replay and live
      const run = await ctx.runs.view(runId);
      if (!run) {
        await ctx.socket.leave(runRoom(runId));
        return { reply: notFound(`No run ${runId}.`) };
      }
      const active = run.activeStepRunId;
      const after = active ? async () => void (await sendReplay(ctx.socket, ctx, runId, active)) : undefined;
      return { reply: { ok: true, run }, after };
    },
  },
  "run.unsubscribe": {
    needs: "watch",
    owner: "any",
    host: null,
    handle: async ({ socket, runs, cluster }, { runId }) => {
      await socket.leave(runRoom(runId));
      runs.watcherGone(socket.id);
      cluster.watcherGone(socket.id);
      return { reply: { ok: true } };
    },
  },
  "step.run": {
    needs: "run-steps",
    owner: "run",
    host: "run",
    handle: ({ runs, user }, req) => runs.runStep(user, req),
  },
  "step.cancel": {
    needs: "cancel-steps",
    owner: "run",
    host: "run",
    handle: ({ runs, user }, req) => runs.cancel(user, req.runId),
  },
  "run.runAllRead": {
    needs: "run-steps",
    owner: "run",
    host: "run",
    handle: ({ runs, user }, req) => runs.runAllRead(user, req.runId),
  },
  "run.finish": {
    needs: "finish-runs",
    owner: "run",
    host: "run",
    handle: ({ runs, user }, req) => runs.finishRun(user, req.runId),
  },
  "step.replay": {
    needs: "watch",
    owner: "any",
    host: "run",
    handle: async (ctx, { runId, stepRunId }) => {
      const step = await ctx.store.stepRunOutput(stepRunId);
      if (!step || step.runId !== runId) return { reply: notFound(`No step run ${stepRunId} in run ${runId}.`) };
      const totalBytes = ctx.runs.session(stepRunId)?.recorder.bytes ?? step.outputBytes;
      const after = async () => void (await sendReplay(ctx.socket, ctx, runId, stepRunId));
      return { reply: { ok: true, totalBytes }, after };
    },
  },
  "output.ack": {
    needs: "watch",
    owner: "any",
    host: null,
    handle: ({ runs, socket }, { stepRunId, offset }) => runs.session(stepRunId)?.watcherAck(socket.id, offset),
  },
} satisfies { [E in UiEvent]: UiHandler<E> };

/** An entry with its types erased to what every entry shares, for code that walks the table. */
export interface ErasedHandler {
  needs: RunAction;
  owner: "any" | "host" | "run";
  host: HostSource;
  handle(ctx: SocketContext, req: unknown): Promise<Answer<UiCommand> | UiResult<object>> | void;
  settle?(socket: UiSocket, reply: UiResult<object>): Promise<void>;
}

export function handlerOf(event: UiEvent): ErasedHandler {
  return UI_HANDLERS[event] as unknown as ErasedHandler;
}

/** Runs a command owned by "host" or "run": such handlers never touch the browser's socket. */
export function handleOwned(handler: ErasedHandler, ctx: OwnerContext, req: unknown): Promise<UiResult<object>> {
  return handler.handle(ctx as SocketContext, req) as Promise<UiResult<object>>;
}

/** The refusal when the user's role is below what the event needs. */
export function roleRefusal(user: SessionUser, handler: Pick<ErasedHandler, "needs">): Refused | null {
  const may = mayDo(user, handler.needs);
  return may.allowed ? null : { ok: false, error: { code: "forbidden", message: may.reason } };
}

/** Whether this instance handles a request for `owner` (owner "any": always). */
export function ownsHere(runs: RunManager, owner: ErasedHandler["owner"], req: unknown): boolean {
  if (owner === "host") return runs.isConnected((req as { hostId: string }).hostId);
  if (owner === "run") return runs.holdsRun((req as { runId: string }).runId);
  return true;
}
