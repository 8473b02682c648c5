// /ui: browsers, authenticated by their session cookie. Transport only: every event in the command
// table is validated against its schema (unknown fields, such as a command, are refused), checked
// against the user's current role and handed to its handler, here or on the instance that owns it;
// the answer goes back through the acknowledgement callback.
import type { z } from "zod";
import { log } from "@/lib/log";
import { UI_COMMANDS, type UiCommand, type UiError, type UiEvent, type UiResult } from "@/lib/runs/protocol";
import type { Forwarder } from "./forwarding";
import type { HubOptions } from "./options";
import { handleOwned, handlerOf, ownsHere, roleRefusal } from "./ui-commands";
import type { Answer, HubContext, SocketContext } from "./ui-commands";
import { setupUiSessions } from "./ui-session";
import type { UiNamespace, UiSocket } from "./ui-socket";

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

const INTERNAL: UiError = { code: "internal", message: "The server failed to handle this request; see its log." };

/** Sets up /ui; returns what stops it (its session re-checks). */
export function setupUiNamespace(nsp: UiNamespace, hub: HubContext, opts: HubOptions, forwarder?: Forwarder) {
  const sessions = setupUiSessions(nsp, opts, (socket) => handshakeHeaders(socket.handshake.headers));
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
    for (const event of Object.keys(UI_COMMANDS) as UiEvent[]) listen(socket, event);
    socket.on("disconnect", () => hub.runs.watcherGone(socket.id));
  });

  function listen(socket: UiSocket, event: UiEvent): void {
    const schema: z.ZodType = UI_COMMANDS[event].payload;
    const handler = handlerOf(event);
    type Listen = (event: string, listener: (raw: unknown, reply: unknown) => void) => void;
    const on = socket.on.bind(socket) as unknown as Listen;

    if (UI_COMMANDS[event].reply === null) {
      on(event, (raw) => {
        const parsed = schema.safeParse(raw);
        const user = socket.data.user;
        if (parsed.success && !roleRefusal(user, handler)) void handler.handle({ ...hub, user, socket }, parsed.data);
      });
      return;
    }

    on(event, (raw, reply) => {
      const answer = (res: UiResult<object>) => {
        if (typeof reply === "function") reply(res);
        else if (!res.ok) socket.emit("run.error", { runId: null, error: res.error });
      };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return answer({ ok: false, error: badRequest(parsed.error) });
      void (async () => {
        try {
          // The user as of now: a role change or sign-out applies to the very next request.
          const user = await sessions.current(socket);
          if (!user) {
            answer({ ok: false, error: { code: "unauthorized", message: "Your session ended; sign in again." } });
            socket.disconnect(true);
            return;
          }
          const refused = roleRefusal(user, handler);
          if (refused) return answer(refused);
          const { reply: result, after } = await run(event as UiCommand, { ...hub, user, socket }, parsed.data);
          answer(result);
          if (after) await after();
        } catch (err) {
          log.error({ err, event }, "ui request failed");
          answer({ ok: false, error: INTERNAL });
        }
      })();
    });
  }

  /** Runs a request here, or on the instance holding the host's agent or the run (scale-out). */
  async function run(event: UiCommand, ctx: SocketContext, req: unknown): Promise<Answer<UiCommand>> {
    const handler = handlerOf(event);
    if (handler.owner === "any") return (await handler.handle(ctx, req)) as Answer<UiCommand>;
    const elsewhere = forwarder && !ownsHere(hub.runs, handler.owner, req);
    const forwarded = elsewhere ? await forwarder.forward({ event, user: ctx.user, req }) : null;
    const reply = forwarded ?? (await handleOwned(handler, ctx, req));
    await handler.settle?.(ctx.socket, reply);
    return { reply } as Answer<UiCommand>;
  }

  return () => sessions.close();
}
