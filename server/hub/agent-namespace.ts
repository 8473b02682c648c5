// /agent: agents authenticate with their host token, say hello, stream output and report exits.
import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authenticateAgentToken } from "@/lib/hosts/manage-hosts";
import { markOffline, markOnline, type AgentPresence } from "@/lib/hosts/presence";
import { log } from "@/lib/log";
import { RISKS } from "@/lib/playbooks/format";
import { AGENT_PROTOCOL_VERSION, type AgentToServerEvents, type ServerToAgentEvents } from "@/lib/runs/protocol";
import type { HubOptions } from "./options";
import type { AgentLink, RunManager } from "./run-manager";

interface AgentSocketData {
  hostId: string;
  hostName: string;
  instance: string | null;
}

export type AgentNamespace = Namespace<AgentToServerEvents, ServerToAgentEvents, Record<string, never>, AgentSocketData>;
type AgentSocket = Socket<AgentToServerEvents, ServerToAgentEvents, Record<string, never>, AgentSocketData>;

const risk = z.enum(RISKS);
const helloSchema = z.object({
  protocol: z.number(),
  name: z.string().max(200),
  os: z.string().max(500),
  version: z.string().max(50),
  hostname: z.string().max(255),
  policy: z.object({ maxRisk: risk, allowTags: z.array(z.string()).nullable(), allowPlaybooks: z.array(z.string()).nullable() }),
  active: z.array(z.object({ stepRunId: z.string(), ackedOffset: z.number(), exited: z.boolean() })).max(1000),
});
const outputSchema = z.object({
  stepRunId: z.string(),
  seq: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  data: z.instanceof(Uint8Array),
});
const exitSchema = z.object({
  stepRunId: z.string(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  cause: z.enum(["exited", "cancelled", "timed-out", "output-cap", "spawn-failed"]),
  totalBytes: z.number().int().nonnegative(),
  error: z.string().max(2000).optional(),
  startedAt: z.string(),
  endedAt: z.string(),
});
const refusalSchema = z.object({ stepRunId: z.string(), reason: z.string().max(2000) });

/** An Error whose `data` reaches the agent's connect_error handler. */
function refusal(message: string, fatal: boolean): Error {
  return Object.assign(new Error(message), { data: { fatal } });
}

export function setupAgentNamespace(nsp: AgentNamespace, manager: RunManager, opts: HubOptions): void {
  const current = new Map<string, AgentSocket>(); // host id → its connected socket

  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; instance?: unknown };
    authenticateAgentToken(auth.token).then(
      (res) => {
        if (!res.ok) {
          log.warn({ address: socket.handshake.address, reason: res.reason }, "agent refused");
          return next(refusal(res.reason, true));
        }
        const instance = typeof auth.instance === "string" ? auth.instance.slice(0, 100) : null;
        const existing = current.get(res.host.id);
        if (existing?.connected) {
          if (!instance || existing.data.instance !== instance) {
            return next(refusal(`another agent is already connected for host "${res.host.name}"`, false));
          }
          existing.disconnect(true); // the same process reconnecting: its old connection is stale
        }
        socket.data = { hostId: res.host.id, hostName: res.host.name, instance };
        next();
      },
      (err: unknown) => {
        log.error({ err }, "agent authentication failed");
        next(refusal("the server could not check the token", false));
      },
    );
  });

  nsp.on("connection", (socket) => {
    const { hostId, hostName } = socket.data;
    current.set(hostId, socket);
    const link: AgentLink = {
      hostId,
      hostName,
      send: {
        start: (start) => socket.emit("step.start", start),
        ack: (stepRunId, offset) => socket.emit("step.ack", { stepRunId, offset }),
        cancel: (stepRunId) => socket.emit("step.cancel", { stepRunId }),
      },
    };
    const presence: AgentPresence = { hostId, connectedAt: new Date(), disconnect: () => socket.disconnect(true) };
    let welcomed = false;
    let lastSeenWrite = 0;
    const touch = (force = false) => {
      if (!force && Date.now() - lastSeenWrite < 10_000) return;
      lastSeenWrite = Date.now();
      db.host.update({ where: { id: hostId }, data: { lastSeenAt: new Date() } }).catch((err: unknown) => log.warn({ err }, "could not update lastSeenAt"));
    };

    socket.on("hello", (raw, reply) => {
      if (typeof reply !== "function") return;
      const parsed = helloSchema.safeParse(raw);
      if (!parsed.success) {
        reply({ ok: false, reason: `malformed hello: ${parsed.error.issues[0]?.message ?? "invalid"}` });
        socket.disconnect(true);
        return;
      }
      const hello = parsed.data;
      if (hello.protocol !== AGENT_PROTOCOL_VERSION) {
        reply({ ok: false, reason: `agent protocol ${hello.protocol} is not supported; this server speaks ${AGENT_PROTOCOL_VERSION}` });
        socket.disconnect(true);
        return;
      }
      db.host
        .update({ where: { id: hostId }, data: { lastSeenAt: new Date(), os: hello.os, agentVersion: hello.version, policy: hello.policy } })
        .then(() => {
          if (!socket.connected) return;
          const forget = manager.agentHello(link, hello);
          welcomed = true;
          markOnline(presence);
          log.info({ host: hostName, agent: hello.name, version: hello.version, policy: hello.policy, resumed: hello.active.length - forget.length }, "agent connected");
          reply({ ok: true, hostId, hostName, windowBytes: opts.windowBytes, heartbeatMs: opts.heartbeatMs, forget });
        })
        .catch((err: unknown) => {
          log.error({ err }, "agent hello failed");
          reply({ ok: false, reason: "the server could not register this agent" });
        });
    });

    socket.on("heartbeat", () => touch());

    socket.on("step.output", (raw) => {
      if (!welcomed) return;
      const parsed = outputSchema.safeParse(raw);
      if (!parsed.success) return void log.warn({ host: hostName }, "malformed output chunk ignored");
      manager.output(link, parsed.data);
    });

    socket.on("step.exit", (raw, ack) => {
      const parsed = exitSchema.safeParse(raw);
      if (!welcomed || !parsed.success) return;
      manager.exit(link, parsed.data).then(
        () => typeof ack === "function" && ack(),
        (err: unknown) => log.error({ err, stepRunId: parsed.data.stepRunId }, "could not record the step's end"),
      );
    });

    socket.on("step.refused", (raw) => {
      const parsed = refusalSchema.safeParse(raw);
      if (!welcomed || !parsed.success) return;
      manager.refused(link, parsed.data).catch((err: unknown) => log.error({ err }, "could not record a refusal"));
    });

    socket.on("disconnect", (reason) => {
      if (current.get(hostId) === socket) current.delete(hostId);
      markOffline(presence);
      manager.agentGone(link);
      if (welcomed) touch(true);
      log.info({ host: hostName, reason }, "agent disconnected");
    });
  });
}
