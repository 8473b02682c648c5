// Scale-out: runs and agent links live in the memory of the instance the host's agent is
// connected to. A browser request another instance cannot serve is forwarded to the others over
// the Redis adapter (serverSideEmit with acknowledgement); the owner executes it, the rest answer
// null. The receiver re-validates the request and re-checks the user against the database, so a
// forwarded role never grants more than the stored one.
import type { Namespace } from "socket.io";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/request-user";
import { isRole, ROLES, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { runRefSchema, runStartSchema, stepRunSchema, type UiResult } from "@/lib/runs/protocol";
import type { RunManager } from "./run-manager";

export type ForwardedEvent = "run.start" | "step.run" | "step.cancel" | "run.runAllRead" | "run.finish";

const FORWARD = "hub.forward";

type ForwardAnswer = UiResult<object> | null;

interface ForwardEvents {
  [FORWARD]: (message: unknown, answer: (result: ForwardAnswer) => void) => void;
}

type ForwardNamespace = Namespace<Record<string, never>, Record<string, never>, ForwardEvents>;

const userSchema = z.object({ id: z.string().min(1), name: z.string(), email: z.string(), role: z.enum(ROLES) });

const messageSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("run.start"), user: userSchema, req: runStartSchema }),
  z.object({ event: z.literal("step.run"), user: userSchema, req: stepRunSchema }),
  z.object({ event: z.literal("step.cancel"), user: userSchema, req: runRefSchema }),
  z.object({ event: z.literal("run.runAllRead"), user: userSchema, req: runRefSchema }),
  z.object({ event: z.literal("run.finish"), user: userSchema, req: runRefSchema }),
]);
export type ForwardMessage = z.infer<typeof messageSchema>;

export interface Forwarder {
  /** Whether this instance holds what the request needs (the host's agent, or the active run). */
  owns(message: ForwardMessage): boolean;
  /** The owner's answer; null when every other instance said "not mine". */
  forward(message: ForwardMessage): Promise<ForwardAnswer>;
}

const lower = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

/** The forwarded user capped by the stored row: a banned, deleted or demoted user gets less. */
async function recheckUser(user: SessionUser): Promise<SessionUser | null> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true, banned: true, banExpires: true } });
  if (!row) return null;
  if (row.banned && (!row.banExpires || row.banExpires > new Date())) return null;
  return { ...user, role: isRole(row.role) ? lower(user.role, row.role) : "viewer" };
}

function execute(manager: RunManager, user: SessionUser, m: ForwardMessage): Promise<UiResult<object>> {
  switch (m.event) {
    case "run.start":
      return manager.startRun(user, m.req);
    case "step.run":
      return manager.runStep(user, m.req);
    case "step.cancel":
      return manager.cancel(user, m.req.runId);
    case "run.runAllRead":
      return manager.runAllRead(user, m.req.runId);
    case "run.finish":
      return manager.finishRun(user, m.req.runId);
  }
}

export function setupForwarding(ui: Namespace, manager: RunManager): Forwarder {
  const nsp = ui as unknown as ForwardNamespace;
  const owns = (m: ForwardMessage) => (m.event === "run.start" ? manager.isConnected(m.req.hostId) : manager.liveState(m.req.runId) !== undefined);

  nsp.on(FORWARD, (raw, answer) => {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success || !owns(parsed.data)) return answer(null);
    const m = parsed.data;
    void (async () => {
      const user = await recheckUser(m.user);
      if (!user) return answer({ ok: false, error: { code: "unauthorized", message: "Your account is no longer active; sign in again." } });
      log.info({ event: m.event, user: user.email }, "forwarded request executed here");
      answer(await execute(manager, user, m));
    })().catch((err: unknown) => {
      log.error({ err, event: m.event }, "forwarded request failed");
      answer({ ok: false, error: { code: "internal", message: "The server instance holding this run failed to handle the request; see its log." } });
    });
  });

  return {
    owns,
    forward: (message) =>
      new Promise((resolve) => {
        nsp.serverSideEmit(FORWARD, message, (err: Error | null, answers: ForwardAnswer[]) => {
          const real = answers.find((a) => a !== null && a !== undefined);
          if (real) return resolve(real);
          if (err) {
            log.warn({ err, event: message.event }, "forwarded request: not every instance answered in time");
            return resolve({ ok: false, error: { code: "host-offline", message: "No server instance holding this host's agent answered in time; try again." } });
          }
          resolve(null);
        });
      }),
  };
}
