// /ui: browsers, authenticated by their session cookie. Every request is validated (unknown
// fields, such as a command, are refused), checked against the user's current role and answered
// through its acknowledgement callback.
import { once } from "node:events";
import type { Namespace, Socket } from "socket.io";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/request-user";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import {
  outputAckSchema,
  REPLAY_CHUNK_BYTES,
  runRefSchema,
  runStartSchema,
  stepReplaySchema,
  stepRunSchema,
  type UiClientToServerEvents,
  type UiError,
  type RunView,
  type UiResult,
  type UiServerToClientEvents,
} from "@/lib/runs/protocol";
import { readOutput } from "@/lib/runs/read-output";
import type { Forwarder, ForwardMessage } from "./forwarding";
import type { HubOptions } from "./options";
import type { RunManager } from "./run-manager";

interface UiSocketData {
  user: SessionUser;
}

export type UiNamespace = Namespace<UiClientToServerEvents, UiServerToClientEvents, Record<string, never>, UiSocketData>;
type UiSocket = Socket<UiClientToServerEvents, UiServerToClientEvents, Record<string, never>, UiSocketData>;

export const runRoom = (runId: string) => `run:${runId}`;

export function handshakeHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

function badRequest(error: z.ZodError): UiError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { code: "bad-request", message: `${where}${issue?.message ?? "invalid request"}` };
}

/** Sends a step's recorded output (and, while it runs, what is not yet stored) as replay chunks. */
async function replay(socket: UiSocket, manager: RunManager, runId: string, stepRunId: string): Promise<number> {
  const session = manager.session(stepRunId);
  const snapshot = session?.recorder.snapshot();
  const totalBytes = snapshot ? snapshot.committedBytes + snapshot.tail.length : ((await db.stepRun.findUnique({ where: { id: stepRunId }, select: { outputBytes: true } }))?.outputBytes ?? 0);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingOffset = 0;
  const send = async (done: boolean) => {
    socket.emit("step.replay", { runId, stepRunId, offset: pendingOffset, data: Buffer.concat(pending, pendingBytes), totalBytes, done });
    pendingOffset += pendingBytes;
    pending = [];
    pendingBytes = 0;
    // Do not pile a large replay into memory: wait while the connection's buffer is full.
    const conn = socket.conn as unknown as { writeBuffer?: unknown[] } & NodeJS.EventEmitter;
    if (!done && (conn.writeBuffer?.length ?? 0) > 4 && socket.connected) {
      await Promise.race([once(conn, "drain"), once(conn, "close"), new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const add = async (data: Buffer) => {
    pending.push(data);
    pendingBytes += data.length;
    if (pendingBytes >= REPLAY_CHUNK_BYTES) await send(false);
  };
  for await (const chunk of readOutput(stepRunId, snapshot?.committedSeq)) {
    if (!socket.connected) return totalBytes;
    await add(chunk.data);
  }
  if (snapshot?.tail.length) await add(snapshot.tail);
  await send(true);
  return totalBytes;
}

export function setupUiNamespace(nsp: UiNamespace, manager: RunManager, opts: HubOptions, forwarder?: Forwarder): void {
  /** Runs a request here, or on the instance holding the host's agent or the run (scale-out). */
  async function viaOwner<R extends object>(message: ForwardMessage, local: () => Promise<UiResult<R>>): Promise<UiResult<R>> {
    // Unauthorized users get the local refusal: only what passes this instance's check travels.
    if (!forwarder || forwarder.owns(message) || !hasRole(message.user, "operator")) return local();
    return ((await forwarder.forward(message)) as UiResult<R> | null) ?? local();
  }

  nsp.use((socket, next) => {
    opts.authenticateUser(handshakeHeaders(socket.handshake.headers)).then(
      (user) => {
        if (!user) return next(Object.assign(new Error("unauthorized: sign in first"), { data: { code: "unauthorized" } }));
        socket.data = { user };
        next();
      },
      (err: unknown) => {
        log.error({ err }, "ui session check failed");
        next(Object.assign(new Error("the server could not check your session"), { data: { code: "internal" } }));
      },
    );
  });

  nsp.on("connection", (socket) => {
    /** The user as of now: a role change or sign-out applies to the very next request. */
    const currentUser = async (): Promise<SessionUser | null> => {
      const user = await opts.authenticateUser(handshakeHeaders(socket.handshake.headers));
      if (user) socket.data.user = user;
      return user;
    };

    function handle<S extends z.ZodType, R extends object>(
      event: keyof UiClientToServerEvents,
      schema: S,
      run: (user: SessionUser, req: z.infer<S>) => Promise<{ result: UiResult<R>; after?: () => Promise<void> }>,
    ): void {
      (socket as unknown as NodeJS.EventEmitter).on(event, (raw: unknown, reply: unknown) => {
        const answer = (res: UiResult<R>) => {
          if (typeof reply === "function") reply(res);
          else if (!res.ok) socket.emit("run.error", { runId: null, error: res.error });
        };
        const parsed = schema.safeParse(raw);
        if (!parsed.success) return answer({ ok: false, error: badRequest(parsed.error) });
        void (async () => {
          try {
            const user = await currentUser();
            if (!user) {
              answer({ ok: false, error: { code: "unauthorized", message: "Your session ended; sign in again." } });
              socket.disconnect(true);
              return;
            }
            const { result, after } = await run(user, parsed.data);
            answer(result);
            if (after) await after();
          } catch (err) {
            log.error({ err, event }, "ui request failed");
            answer({ ok: false, error: { code: "internal", message: "The server failed to handle this request; see its log." } });
          }
        })();
      });
    }

    handle("run.start", runStartSchema, async (user, req) => {
      const result = await viaOwner({ event: "run.start", user, req }, () => manager.startRun(user, req));
      if (result.ok) await socket.join(runRoom(result.runId));
      return { result };
    });

    handle<typeof runRefSchema, { run: RunView }>("run.subscribe", runRefSchema, async (_user, { runId }) => {
      await socket.join(runRoom(runId)); // first, so no live chunk falls between replay and live
      const run = await manager.view(runId);
      if (!run) {
        await socket.leave(runRoom(runId));
        return { result: { ok: false, error: { code: "not-found", message: `No run ${runId}.` } } };
      }
      const active = run.activeStepRunId;
      return { result: { ok: true, run }, after: active ? async () => void (await replay(socket, manager, runId, active)) : undefined };
    });

    handle("run.unsubscribe", runRefSchema, async (_user, { runId }) => {
      await socket.leave(runRoom(runId));
      manager.watcherGone(socket.id);
      return { result: { ok: true } };
    });

    handle("step.run", stepRunSchema, async (user, req) => ({ result: await viaOwner({ event: "step.run", user, req }, () => manager.runStep(user, req)) }));
    handle("step.cancel", runRefSchema, async (user, req) => ({ result: await viaOwner({ event: "step.cancel", user, req }, () => manager.cancel(user, req.runId)) }));
    handle("run.runAllRead", runRefSchema, async (user, req) => ({ result: await viaOwner({ event: "run.runAllRead", user, req }, () => manager.runAllRead(user, req.runId)) }));
    handle("run.finish", runRefSchema, async (user, req) => ({ result: await viaOwner({ event: "run.finish", user, req }, () => manager.finishRun(user, req.runId)) }));

    handle<typeof stepReplaySchema, { totalBytes: number }>("step.replay", stepReplaySchema, async (_user, { runId, stepRunId }) => {
      const step = await db.stepRun.findUnique({ where: { id: stepRunId }, select: { runId: true, outputBytes: true } });
      if (!step || step.runId !== runId) return { result: { ok: false, error: { code: "not-found", message: `No step run ${stepRunId} in run ${runId}.` } } };
      const totalBytes = manager.session(stepRunId)?.recorder.bytes ?? step.outputBytes;
      return { result: { ok: true, totalBytes }, after: async () => void (await replay(socket, manager, runId, stepRunId)) };
    });

    socket.on("output.ack", (raw) => {
      const parsed = outputAckSchema.safeParse(raw);
      if (parsed.success) manager.session(parsed.data.stepRunId)?.watcherAck(socket.id, parsed.data.offset);
    });

    socket.on("disconnect", () => manager.watcherGone(socket.id));
  });
}
