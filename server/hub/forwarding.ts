// Scale-out: runs and agent links live in the memory of the instance the host's agent is
// connected to. A browser request another instance cannot serve (its owner in the command table is
// "host" or "run") is forwarded to the others over the Redis adapter (serverSideEmit with
// acknowledgement); the owner executes it, the rest answer null. The receiver re-validates the
// request and re-checks the user against the database, so a forwarded role never grants more than
// the stored one.
import type { Namespace } from "socket.io";
import { z } from "zod";
import { recheckUser } from "@/lib/auth/recheck-user";
import type { SessionUser } from "@/lib/auth/request-user";
import { ROLES } from "@/lib/auth/roles";
import { log } from "@/lib/log";
import { UI_COMMANDS, type UiCommand, type UiResult } from "@/lib/runs/protocol";
import { openValue, sealValue, type Seal } from "./redis-seal";
import { handleOwned, handlerOf, ownsHere, roleRefusal, type HubContext } from "./ui-commands";

const FORWARD = "hub.forward";

type ForwardAnswer = UiResult<object> | null;

interface ForwardEvents {
  [FORWARD]: (sealed: unknown, answer: (sealed: string) => void) => void;
}

type ForwardNamespace = Namespace<Record<string, never>, Record<string, never>, ForwardEvents>;

/** The commands another instance may own. */
const FORWARDED = (Object.keys(UI_COMMANDS) as UiCommand[]).filter((event) => handlerOf(event).owner !== "any");

const userSchema = z.object({ id: z.string().min(1), name: z.string(), email: z.string(), role: z.enum(ROLES) });
const messageSchema = z.object({ event: z.enum(FORWARDED), user: userSchema, req: z.unknown() });

export interface ForwardMessage {
  event: UiCommand;
  user: SessionUser;
  req: unknown;
}

export interface Forwarder {
  /** The owner's answer; null when every other instance said "not mine". */
  forward(message: ForwardMessage): Promise<ForwardAnswer>;
}

/** A forwarded message with its payload checked against the event's schema. */
function parse(raw: unknown): ForwardMessage | null {
  const message = messageSchema.safeParse(raw);
  if (!message.success) return null;
  const req = UI_COMMANDS[message.data.event].payload.safeParse(message.data.req);
  return req.success ? { ...message.data, req: req.data } : null;
}

/**
 * serverSideEmit travels as plain JSON through Redis, past the adapter's sealed parser: the
 * message and every answer are sealed here (redis-seal.ts). A message that does not open is
 * ignored, so nobody without the key can drive a run.
 */
export function setupForwarding(ui: Namespace, hub: HubContext, seal: Seal): Forwarder {
  const nsp = ui as unknown as ForwardNamespace;

  nsp.on(FORWARD, (sealed, reply) => {
    const answer = (result: ForwardAnswer) => reply(sealValue(seal, result));
    const m = parse(openValue(seal, sealed));
    const handler = m && handlerOf(m.event);
    if (!m || !handler || !ownsHere(hub.runs, handler.owner, m.req)) return answer(null);
    void (async () => {
      const user = await recheckUser(m.user);
      const gone = "Your account is no longer active; sign in again.";
      if (!user) return answer({ ok: false, error: { code: "unauthorized", message: gone } });
      const refused = roleRefusal(user, handler);
      if (refused) return answer(refused);
      log.info({ event: m.event, user: user.email }, "forwarded request executed here");
      answer(await handleOwned(handler, { ...hub, user }, m.req));
    })().catch((err: unknown) => {
      log.error({ err, event: m.event }, "forwarded request failed");
      const message = "The server instance holding this run failed to handle the request; see its log.";
      answer({ ok: false, error: { code: "internal", message } });
    });
  });

  return {
    forward: (message) =>
      new Promise((resolve) => {
        nsp.serverSideEmit(FORWARD, sealValue(seal, message), (err: Error | null, sealed: unknown[]) => {
          // Sealed by an instance holding the key, so authentic; one that does not open counts as none.
          const answers = sealed.map((a) => openValue(seal, a) as ForwardAnswer | undefined);
          const real = answers.find((a) => a !== null && a !== undefined);
          if (real) return resolve(real);
          if (err) {
            log.warn({ err, event: message.event }, "forwarded request: not every instance answered in time");
            const text = "No server instance holding this host's agent answered in time; try again.";
            return resolve({ ok: false, error: { code: "host-offline", message: text } });
          }
          resolve(null);
        });
      }),
  };
}
