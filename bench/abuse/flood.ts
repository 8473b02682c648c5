// One flooder: a fresh socket sending one kind of message COUNT times, in batches so that a
// disconnect by the server is seen between them, and it stops sending as soon as it is disconnected.
import { io, type Socket } from "socket.io-client";
import { AGENT_NAMESPACE, AGENT_PROTOCOL_VERSION, type AgentHello } from "@/agent/src/protocol";

export const FLOOD_KINDS = ["run.subscribe", "refused step.run", "output.ack {offset: 0}", "agent hello"] as const;
export type FloodKind = (typeof FLOOD_KINDS)[number];

export interface FloodTarget {
  url: string;
  viewerCookie: string;
  floodToken: string;
  runId: string;
  stepRunId: string;
}

export interface FloodResult {
  kind: FloodKind;
  sent: number;
  replies: number;
  /** The reason socket.io gave, when the server ended the connection; null if it never did. */
  disconnected: string | null;
  ms: number;
}

const BATCH = 100;
/** How long to wait after the last message for the server to disconnect us. */
const LINGER_MS = 2000;

const HELLO: AgentHello = {
  protocol: AGENT_PROTOCOL_VERSION,
  name: "flooder",
  os: "linux",
  version: "0.0.0",
  hostname: "flooder",
  policy: { maxRisk: "read", allowTags: null, allowPlaybooks: null },
  active: [],
};

function messageFor(kind: FloodKind, t: FloodTarget): [string, object] {
  switch (kind) {
    case "run.subscribe":
      return ["run.subscribe", { runId: t.runId }];
    case "refused step.run":
      return ["step.run", { runId: t.runId, stepId: "ticks" }];
    case "output.ack {offset: 0}":
      return ["output.ack", { stepRunId: t.stepRunId, offset: 0 }];
    case "agent hello":
      return ["hello", HELLO];
  }
}

function connectFor(kind: FloodKind, t: FloodTarget): Socket {
  const common = { transports: ["websocket"], reconnection: false, forceNew: true };
  return kind === "agent hello"
    ? io(`${t.url}${AGENT_NAMESPACE}`, { ...common, auth: { token: t.floodToken } })
    : io(`${t.url}/ui`, { ...common, extraHeaders: { cookie: t.viewerCookie } });
}

export async function flood(kind: FloodKind, t: FloodTarget, count: number): Promise<FloodResult> {
  const socket = connectFor(kind, t);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(new Error(`flooder (${kind}): ${err.message}`)));
  });
  const result: FloodResult = { kind, sent: 0, replies: 0, disconnected: null, ms: 0 };
  socket.once("disconnect", (reason) => {
    if (reason !== "io client disconnect") result.disconnected = reason;
  });
  const [event, payload] = messageFor(kind, t);
  const start = performance.now();
  while (result.sent < count && socket.connected) {
    for (let i = 0; i < BATCH && result.sent < count; i++, result.sent++)
      socket.emit(event, payload, () => result.replies++);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const deadline = Date.now() + LINGER_MS;
  while (socket.connected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  result.ms = performance.now() - start;
  socket.close();
  return result;
}
