// /agent: agents authenticate with their host token, say hello, stream output and report exits.
// Every message is checked against its schema in the agent protocol's AGENT_TO_SERVER table, and first charged to the
// socket's budget (socket-limits.ts). One hello per connection; output beyond the credit the hub
// gave is misbehaviour.
import type { Namespace } from "socket.io";
import {
  AGENT_PROTOCOL_VERSION,
  AGENT_TO_SERVER,
  type AgentHandshakeAuth,
  type AgentToServerEvents,
  type ServerToAgentEvents,
} from "@/agent/src/protocol";
import type { HostStore } from "@/lib/hosts/host-store";
import { markOffline, markOnline, type AgentPresence } from "@/lib/hosts/presence";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/metrics";
import type { HubOptions } from "./options";
import type { AgentLink, RunManager } from "./run-manager";
import { AGENT_BUDGETS, AGENT_CONNECTIONS, SocketLimits, TokenBucket } from "./socket-limits";

interface AgentSocketData {
  hostId: string;
  hostName: string;
  instance: string | null;
}

type NoEvents = Record<string, never>;
export type AgentNamespace = Namespace<AgentToServerEvents, ServerToAgentEvents, NoEvents, AgentSocketData>;

/**
 * Output an agent may send past the hub's last credit: its window, plus what its PTY produced
 * before the pause took effect and one coalesced chunk (the agent's MAX_CHUNK_BYTES is 256 KB).
 */
const creditSlack = (windowBytes: number) => 2 * windowBytes + 1024 * 1024;

/** The room of a host's agent connection, on whichever instance it is. */
const hostRoom = (hostId: string) => `host:${hostId}`;

/** An Error whose `data` reaches the agent's connect_error handler. */
function refusal(message: string, fatal: boolean): Error {
  metrics.socketRefusals.inc({ namespace: "agent", code: fatal ? "handshake-fatal" : "handshake-retry" });
  return Object.assign(new Error(message), { data: { fatal } });
}

export function setupAgentNamespace(
  nsp: AgentNamespace,
  manager: RunManager,
  hosts: HostStore,
  opts: HubOptions,
): void {
  const connections = new Map<string, TokenBucket>(); // host id → its connection budget

  nsp.use((socket, next) => {
    // Checked here rather than by schema: the token's own check words the refusal.
    const auth = socket.handshake.auth as { [K in keyof AgentHandshakeAuth]?: unknown };
    hosts.authenticate(auth.token).then(
      (res) => {
        if (!res.ok) {
          log.warn({ address: socket.handshake.address, reason: res.reason }, "agent refused");
          return next(refusal(res.reason, true));
        }
        const bucket = connections.get(res.host.id) ?? new TokenBucket(AGENT_CONNECTIONS);
        connections.set(res.host.id, bucket);
        if (!bucket.take(1)) {
          log.warn({ host: res.host.name, address: socket.handshake.address }, "agent reconnecting too often; refused");
          return next(refusal("reconnecting too often; try again in a few seconds", false));
        }
        const instance = typeof auth.instance === "string" ? auth.instance.slice(0, 100) : null;
        // On every instance (through the adapter): one agent per token across the deployment.
        return nsp
          .in(hostRoom(res.host.id))
          .fetchSockets()
          .then((existing) => {
            if (existing.some((other) => !instance || other.data.instance !== instance)) {
              return next(refusal(`another agent is already connected for host "${res.host.name}"`, false));
            }
            // The same process reconnecting, maybe to another instance: its old connection is stale.
            for (const old of existing) old.disconnect(true);
            socket.data = { hostId: res.host.id, hostName: res.host.name, instance };
            next();
          })
          .catch((err: unknown) => {
            log.warn({ err, host: res.host.name }, "could not ask the other instances about this agent");
            next(refusal("the server could not check for another agent; try again", false));
          });
      },
      (err: unknown) => {
        log.error({ err }, "agent authentication failed");
        next(refusal("the server could not check the token", false));
      },
    );
  });

  nsp.on("connection", (socket) => {
    const { hostId, hostName } = socket.data;
    void socket.join(hostRoom(hostId));
    const emit = socket.emit.bind(socket) as (event: string, payload: unknown) => boolean;
    /** Per step, the offset the hub last credited on this connection. */
    const credit = new Map<string, number>();
    const link: AgentLink = {
      hostId,
      hostName,
      send: (event, payload) => {
        const stepRunId = (payload as { stepRunId?: string }).stepRunId;
        if (event === "step.start" && stepRunId) credit.set(stepRunId, 0);
        if (event === "step.ack" && stepRunId) credit.set(stepRunId, (payload as { offset: number }).offset);
        emit(event, payload);
      },
    };
    const limits = new SocketLimits(socket, AGENT_BUDGETS, { host: hostName, address: socket.handshake.address });
    socket.use(([event], next) => {
      metrics.socketEvents.inc({
        namespace: "agent",
        event: Object.hasOwn(AGENT_TO_SERVER, event) ? event : "unknown",
      });
      // The output budget is per running step: an agent running ten steps sends ten steps' chunks.
      const ok =
        event === "step.output"
          ? limits.charge("output", event, 1 / Math.max(1, credit.size))
          : limits.charge("control", String(event));
      if (ok) next();
    });
    const presence: AgentPresence = { hostId, connectedAt: new Date(), disconnect: () => socket.disconnect(true) };
    let welcomed = false;
    let greeted = false; // a hello arrived on this connection (its write may still be under way)
    let lastSeenWrite = 0;
    const touch = () => {
      if (Date.now() - lastSeenWrite < 10_000) return;
      lastSeenWrite = Date.now();
      hosts.touch(hostId).then(
        (enrolled) => {
          // Revoked on another instance (its own agents it disconnects at once): cut off here too.
          if (enrolled || !socket.connected) return;
          log.warn({ host: hostName }, "agent's host was revoked; disconnecting it");
          socket.disconnect(true);
        },
        (err: unknown) => log.warn({ err }, "could not update lastSeenAt"),
      );
    };

    socket.on("hello", (raw, reply) => {
      if (typeof reply !== "function") return;
      // A reconnecting agent gets a new connection; a second hello on this one only costs writes.
      if (greeted) return limits.offend("hello", "a second hello on one connection");
      greeted = true;
      const parsed = AGENT_TO_SERVER.hello.safeParse(raw);
      if (!parsed.success) {
        reply({ ok: false, reason: `malformed hello: ${parsed.error.issues[0]?.message ?? "invalid"}` });
        socket.disconnect(true);
        return;
      }
      const hello = parsed.data;
      if (hello.protocol !== AGENT_PROTOCOL_VERSION) {
        reply({
          ok: false,
          reason: `agent protocol ${hello.protocol} is not supported; this server speaks ${AGENT_PROTOCOL_VERSION}`,
        });
        socket.disconnect(true);
        return;
      }
      hosts
        .recordHello(hostId, { os: hello.os, agentVersion: hello.version, policy: hello.policy })
        .then(async () => {
          if (!socket.connected) return;
          const forget = await manager.agentHello(link, hello);
          if (!socket.connected) return manager.agentGone(link);
          welcomed = true;
          markOnline(presence);
          log.info(
            {
              host: hostName,
              agent: hello.name,
              version: hello.version,
              policy: hello.policy,
              resumed: hello.active.length - forget.length,
            },
            "agent connected",
          );
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
      const parsed = AGENT_TO_SERVER["step.output"].safeParse(raw);
      if (!parsed.success) return void log.warn({ host: hostName }, "malformed output chunk ignored");
      const chunk = parsed.data;
      const end = chunk.offset + chunk.data.length;
      if (end > (credit.get(chunk.stepRunId) ?? 0) + creditSlack(opts.windowBytes))
        return limits.offend("step.output", `output at ${end} is beyond the credit given`);
      manager.output(link, chunk);
    });

    socket.on("step.exit", (raw, ack) => {
      const parsed = AGENT_TO_SERVER["step.exit"].safeParse(raw);
      if (!welcomed || !parsed.success) return;
      credit.delete(parsed.data.stepRunId);
      manager.exit(link, parsed.data).then(
        () => typeof ack === "function" && ack(),
        (err: unknown) => log.error({ err, stepRunId: parsed.data.stepRunId }, "could not record the step's end"),
      );
    });

    socket.on("step.refused", (raw) => {
      const parsed = AGENT_TO_SERVER["step.refused"].safeParse(raw);
      if (!welcomed || !parsed.success) return;
      credit.delete(parsed.data.stepRunId);
      manager.refused(link, parsed.data).catch((err: unknown) => log.error({ err }, "could not record a refusal"));
    });

    socket.on("disconnect", (reason) => {
      markOffline(presence);
      manager.agentGone(link);
      if (welcomed) hosts.left(hostId).catch((err: unknown) => log.warn({ err }, "could not record the agent leaving"));
      log.info({ host: hostName, reason }, "agent disconnected");
    });
  });
}
