// The run hub: socket.io on the server's HTTP port, namespaces /agent and /ui.
// attachHub() takes any http.Server, so tests run it without Next.js.
import type http from "node:http";
import { Server } from "socket.io";
import { db } from "@/lib/db/client";
import { toHostView } from "@/lib/hosts/host-view";
import { onPresenceChange } from "@/lib/hosts/presence";
import { log } from "@/lib/log";
import { AGENT_NAMESPACE, UI_NAMESPACE } from "@/lib/runs/protocol";
import { registerLiveRuns } from "@/lib/runs/live-state";
import { markInterrupted, schedulePruning } from "@/lib/runs/retention";
import { setupAgentNamespace, type AgentNamespace } from "./agent-namespace";
import { setupForwarding } from "./forwarding";
import { resolveHubOptions, type HubOptions } from "./options";
import { joinRedisAdapter } from "./redis-adapter";
import { RunManager } from "./run-manager";
import { runRoom, setupUiNamespace, type UiNamespace } from "./ui-namespace";

export interface Hub {
  io: Server;
  runs: RunManager;
  options: HubOptions;
  /** Stops timers and closes every socket (not the HTTP server). */
  close(): Promise<void>;
}

export async function attachHub(server: http.Server, given: Partial<HubOptions> = {}): Promise<Hub> {
  const options = await resolveHubOptions(given);
  let stopPruning = () => {};
  if (options.housekeeping) {
    // With several instances, another one may own the active runs: leave them alone.
    if (options.redisUrl) log.warn("REDIS_URL set: runs left active by a crashed instance are not marked interrupted at start");
    else await markInterrupted();
    stopPruning = schedulePruning();
  }
  const io = new Server(server, {
    serveClient: false,
    // Next.js handles its own upgrade requests (dev HMR): leave those alone.
    destroyUpgrade: false,
    maxHttpBufferSize: 1024 * 1024,
    allowRequest: (req, callback) => {
      // Browsers send Origin; agents do not. A foreign page must not ride a user's cookie.
      const origin = req.headers.origin;
      if (!origin || options.allowedOrigins.includes(origin)) return callback(null, true);
      log.warn({ origin }, "socket.io connection from an untrusted origin refused");
      callback("origin not allowed", false);
    },
  });
  const closeRedis = options.redisUrl ? await joinRedisAdapter(io, options.redisUrl) : async () => {};
  const ui = io.of(UI_NAMESPACE) as UiNamespace;
  const runs = new RunManager(options, {
    runState: (run) => ui.to(runRoom(run.id)).emit("run.state", run),
    stepState: (runId, step) => ui.to(runRoom(runId)).emit("step.state", step),
    output: (runId, stepRunId, offset, data) => ui.to(runRoom(runId)).emit("step.output", { runId, stepRunId, offset, data }),
  });
  registerLiveRuns((runId) => runs.liveState(runId));
  setupAgentNamespace(io.of(AGENT_NAMESPACE) as AgentNamespace, runs, options);
  // serverSideEmit needs an adapter that spans instances: forward only with Redis.
  setupUiNamespace(ui, runs, options, options.redisUrl ? setupForwarding(ui, runs) : undefined);
  const stopPresence = onPresenceChange((hostId) => {
    db.host
      .findUnique({ where: { id: hostId } })
      .then((host) => host && ui.emit("host.status", toHostView(host)))
      .catch((err: unknown) => log.warn({ err }, "could not publish host status"));
  });
  log.info("run hub attached (socket.io /agent, /ui)");
  return {
    io,
    runs,
    options,
    async close() {
      stopPruning();
      stopPresence();
      runs.close();
      io.of(AGENT_NAMESPACE).disconnectSockets(true);
      ui.disconnectSockets(true);
      // io.close() would also close the HTTP server, which belongs to the caller.
      io.engine.close();
      await closeRedis();
    },
  };
}
