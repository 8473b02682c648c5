// /ui: browsers, authenticated by their session cookie. Transport only: every event in the command
// table is validated against its schema (unknown fields, such as a command, are refused), checked
// against the user's current role and its host's access list (host-access.ts) and handed to its
// handler, here or on the instance that owns it; the answer goes back through the acknowledgement
// callback. Every packet is first charged to the socket's budget (socket-limits.ts), and an
// acknowledgement counts only from a watcher of its run.
import type { z } from "zod";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/metrics";
import {
  UI_COMMANDS,
  type OutputAck,
  type UiCommand,
  type UiError,
  type UiEvent,
  type UiResult,
} from "@/lib/runs/protocol";
import type { Forwarder } from "./forwarding";
import { CommandTurns } from "./command-turns";
import { setupHostAccess } from "./host-access";
import type { HubOptions } from "./options";
import { SocketLimits, UI_BUDGETS, UI_IGNORED_SIGNAL_COST, UI_MAX_IN_FLIGHT } from "./socket-limits";
import { auditRefusal, AUDITED_REFUSALS, badRequest, dispatchOwned } from "./owned-dispatch";
import { handlerOf, roleRefusal } from "./ui-commands";
import type { Answer, HubContext, SocketContext } from "./ui-commands";
import { setupUiSessions } from "./ui-session";
import { runRoom, type UiNamespace, type UiSocket } from "./ui-socket";

export function handshakeHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

const INTERNAL: UiError = { code: "internal", message: "The server failed to handle this request; see its log." };
const unknownEvent = (event: unknown): UiError => ({
  code: "bad-request",
  message: `Unknown event "${String(event).slice(0, 100)}".`,
});
const RUN_ROOM_PREFIX = runRoom("");

/** Events without an acknowledgement; anything else, an unknown event too, is budgeted as a command. */
const isSignal = (event: unknown) =>
  typeof event === "string" && Object.hasOwn(UI_COMMANDS, event) && UI_COMMANDS[event as UiEvent].reply === null;

/** What one connection has spent. */
interface Guard {
  limits: SocketLimits<keyof typeof UI_BUDGETS>;
  inFlight: number;
}

/** Sets up /ui; returns its host-access gate and what stops it (its session re-checks). */
export function setupUiNamespace(nsp: UiNamespace, hub: HubContext, opts: HubOptions, forwarder?: Forwarder) {
  const sessions = setupUiSessions(nsp, opts, (socket) => handshakeHeaders(socket.handshake.headers));
  const turns = new CommandTurns();
  const hosts = setupHostAccess(nsp, hub.runs, opts);
  nsp.use((socket, next) => {
    sessions.resolve(socket).then(
      (user) => {
        if (!user)
          return next(Object.assign(new Error("unauthorized: sign in first"), { data: { code: "unauthorized" } }));
        next();
      },
      (err: unknown) => {
        log.error({ err }, "ui session check failed");
        next(Object.assign(new Error("the server could not check your session"), { data: { code: "internal" } }));
      },
    );
  });

  nsp.on("connection", (socket) => {
    const who = { user: socket.data.user.email, address: socket.handshake.address };
    const guard: Guard = { limits: new SocketLimits(socket, UI_BUDGETS, who), inFlight: 0 };
    // Every packet, known event or not, well-formed or not, before any work is done for it.
    socket.use((packet, next) => {
      const event = packet[0];
      const known = typeof event === "string" && Object.hasOwn(UI_COMMANDS, event);
      metrics.socketEvents.inc({ namespace: "ui", event: known ? event : "unknown" });
      if (!guard.limits.charge(isSignal(event) ? "signal" : "command", String(event))) return;
      if (known) return next();
      // Not in the table (a page older or newer than this server, or a probe): answered, not dispatched.
      const reply = packet.at(-1);
      if (typeof reply === "function") reply({ ok: false, error: unknownEvent(event) });
    });
    for (const event of Object.keys(UI_COMMANDS) as UiEvent[]) listen(socket, event, guard);
    socket.on("disconnect", () => {
      hub.runs.watcherGone(socket.id);
      hub.cluster.watcherGone(socket.id);
    });
  });

  /** The runs whose rooms this socket joined. */
  function watched(socket: UiSocket): string[] {
    return [...socket.rooms].filter((r) => r.startsWith(RUN_ROOM_PREFIX)).map((r) => r.slice(RUN_ROOM_PREFIX.length));
  }

  /** Whether this socket has joined the room of the run whose running step is `stepRunId`. */
  function watchesStep(socket: UiSocket, stepRunId: string): boolean {
    for (const room of socket.rooms) {
      if (!room.startsWith(RUN_ROOM_PREFIX)) continue;
      if (hub.runs.liveState(room.slice(RUN_ROOM_PREFIX.length))?.activeStepRunId === stepRunId) return true;
    }
    return false;
  }

  /** Flow control is for the run's watchers: anyone else's acknowledgement is ignored and costs. */
  function acknowledge(socket: UiSocket, guard: Guard, ack: OutputAck, deliver: () => void): void {
    // A step that has ended holds nothing back: a terminal still draining its output acks it late,
    // which is normal, not misbehaviour. So does a dropped watcher's (the session ignores it).
    // A step driven by another instance: its session there checks the watcher against its run. A
    // socket watching no run has nothing to tell it.
    if (!hub.runs.session(ack.stepRunId)) {
      const runIds = watched(socket);
      if (runIds.length > 0) hub.cluster.watcherAck(ack.stepRunId, socket.id, ack.offset, runIds);
      return;
    }
    if (!watchesStep(socket, ack.stepRunId))
      return void guard.limits.charge("signal", "output.ack", UI_IGNORED_SIGNAL_COST);
    deliver();
  }

  function listen(socket: UiSocket, event: UiEvent, guard: Guard): void {
    const schema: z.ZodType = UI_COMMANDS[event].payload;
    const handler = handlerOf(event);
    type Listen = (event: string, listener: (raw: unknown, reply: unknown) => void) => void;
    const on = socket.on.bind(socket) as unknown as Listen;

    if (UI_COMMANDS[event].reply === null) {
      on(event, (raw) => {
        const parsed = schema.safeParse(raw);
        const user = socket.data.user;
        // While a ban or role change is being re-checked, the user's old authority no longer holds.
        if (!parsed.success || !sessions.settled(socket) || roleRefusal(user, handler))
          return void guard.limits.charge("signal", event, UI_IGNORED_SIGNAL_COST);
        const deliver = () => void handler.handle({ ...hub, user, socket }, parsed.data);
        if (event === "output.ack") acknowledge(socket, guard, parsed.data as OutputAck, deliver);
        else deliver();
      });
      return;
    }

    on(event, (raw, reply) => {
      const answer = (res: UiResult<object>) => {
        if (!res.ok) metrics.socketRefusals.inc({ namespace: "ui", code: res.error.code });
        if (typeof reply === "function") reply(res);
        else if (!res.ok) socket.emit("run.error", { runId: null, error: res.error });
      };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return answer({ ok: false, error: badRequest(parsed.error) });
      if (guard.inFlight >= UI_MAX_IN_FLIGHT)
        return guard.limits.offend(event, `more than ${UI_MAX_IN_FLIGHT} commands in flight`, "command");
      guard.inFlight++;
      void (async () => {
        try {
          // The user as of now: a role change or sign-out applies to the very next request.
          const user = await sessions.current(socket);
          if (!user) {
            const error: UiError = { code: "unauthorized", message: "Your session ended; sign in again." };
            // Audited as the user the socket was opened by: a banned user's last try is in the trail.
            await auditRefusal(hub, event, socket.data.user.id, parsed.data, error);
            answer({ ok: false, error });
            socket.disconnect(true);
            return;
          }
          const refused = roleRefusal(user, handler) ?? (await hosts.refusal(user, handler, parsed.data));
          const { reply: result, after } = refused
            ? { reply: refused, after: undefined }
            : await turns.take(() => run(event as UiCommand, { ...hub, user, socket }, parsed.data));
          // Recorded before the answer goes out, so whoever sees the refusal can find it in the log.
          if (!result.ok && AUDITED_REFUSALS.has(result.error.code))
            await auditRefusal(hub, event, user.id, parsed.data, result.error);
          answer(result);
          if (after) await after();
        } catch (err) {
          log.error({ err, event }, "ui request failed");
          answer({ ok: false, error: INTERNAL });
        } finally {
          guard.inFlight--;
        }
      })();
    });
  }

  /** Runs a request here, or on the instance holding the host's agent or the run (scale-out). */
  async function run(event: UiCommand, ctx: SocketContext, req: unknown): Promise<Answer<UiCommand>> {
    const handler = handlerOf(event);
    if (handler.owner === "any") return (await handler.handle(ctx, req)) as Answer<UiCommand>;
    const reply = await dispatchOwned(hub, forwarder, event, ctx, req);
    await handler.settle?.(ctx.socket, reply);
    return { reply } as Answer<UiCommand>;
  }

  return {
    /** The host-access gate, for in-process callers (in-process.ts): one gate, one relay. */
    hosts,
    stop() {
      sessions.close();
      hosts.close();
    },
  };
}
