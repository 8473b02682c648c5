// Prometheus metrics (prom-client), one registry per process: the custom server (hub, HTTP) and the
// Next bundle (the /metrics route) share it, like the other process singletons. Labels are kept to
// small fixed sets (verdicts, namespaces, event names from the command table), never ids.
import client from "prom-client";
import { PROBE_PATHS } from "@/lib/auth/paths";
import { processSingleton } from "@/lib/process-singleton";

/** What the hub reports when scraped: counted where the state is, not mirrored here. */
export interface HubCounts {
  agents: number;
  runs: number;
  steps: number;
}

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "casebook_" });
  const sources = { hub: (): HubCounts => ({ agents: 0, runs: 0, steps: 0 }) };
  const gauge = (name: string, help: string, pick: (c: HubCounts) => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(sources.hub()));
      },
    });
  return {
    registry,
    sources,
    agentsConnected: gauge("casebook_agents_connected", "Agents connected to this instance.", (c) => c.agents),
    activeRuns: gauge("casebook_active_runs", "Runs active on this instance.", (c) => c.runs),
    runningSteps: gauge("casebook_running_steps", "Steps running on this instance.", (c) => c.steps),
    outputBytes: new client.Counter({
      name: "casebook_output_bytes_total",
      help: "Step output bytes received from agents.",
      registers: [registry],
    }),
    stepOutcomes: new client.Counter({
      name: "casebook_step_outcomes_total",
      help: "Steps ended, by verdict.",
      labelNames: ["verdict"] as const,
      registers: [registry],
    }),
    socketEvents: new client.Counter({
      name: "casebook_socket_events_total",
      help: "socket.io events received, by namespace and event.",
      labelNames: ["namespace", "event"] as const,
      registers: [registry],
    }),
    socketRefusals: new client.Counter({
      name: "casebook_socket_refusals_total",
      help: "socket.io connections and commands refused, by namespace and reason code.",
      labelNames: ["namespace", "code"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "casebook_http_request_duration_seconds",
      help: "HTTP request latency, by method, kind of path and status class.",
      labelNames: ["method", "kind", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbDuration: new client.Histogram({
      name: "casebook_db_query_duration_seconds",
      help: "Database query time as Prisma reports it.",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}

export const metrics = processSingleton("metrics", create);

/** The hub registers where its counts come from once it is attached. */
export function reportHubCounts(source: () => HubCounts): void {
  metrics.sources.hub = source;
}

/** A path reduced to a label of a few values, so latency per kind of request stays cheap to keep. */
export function pathKind(pathname: string): string {
  if (pathname.startsWith("/_next/")) return "asset";
  if (pathname.startsWith("/socket.io/")) return "socket";
  if (pathname.startsWith("/api/")) return "api";
  if (PROBE_PATHS.includes(pathname)) return "probe";
  return "page";
}
