// The run hub: socket.io on the server's HTTP port, namespaces /agent and /ui.
// attachHub() takes any http.Server, so tests run it without Next.js.
import type http from "node:http";
import { Server } from "socket.io";
import { AGENT_NAMESPACE } from "@/agent/src/protocol";
import { prismaHostStore } from "@/lib/hosts/host-store";
import { onPresenceChange } from "@/lib/hosts/presence";
import { prismaUsers } from "@/lib/auth/recheck-user";
import { authSecret } from "@/lib/auth/secret";
import { log } from "@/lib/log";
import { reportHubCounts } from "@/lib/metrics/metrics";
import { UI_NAMESPACE } from "@/lib/runs/protocol";
import { registerHubEntry } from "@/lib/runs/hub-commands";
import { registerLiveRuns } from "@/lib/runs/live-state";
import { activeRunHosts, schedulePruning } from "@/lib/runs/retention";
import { prismaRunStore } from "@/lib/runs/run-store-prisma";
import { setupAgentNamespace, type AgentNamespace } from "./agent-namespace";
import { setupForwarding } from "./forwarding";
import { inProcessEntry } from "./in-process";
import { resolveHubOptions, type HubOptions } from "./options";
import { joinRedisAdapter } from "./redis-adapter";
import { redisSeal, runStateSeal } from "./redis-seal";
import { setupCluster, SOLO, type Cluster } from "./cluster";
import { RunManager } from "./run-manager";
import { RunWatchers } from "./run-watchers";
import { setupUiNamespace } from "./ui-namespace";
import { runRoom, type UiNamespace } from "./ui-socket";

export interface Hub {
  io: Server;
  runs: RunManager;
  options: HubOptions;
  /** Stops timers and closes every socket (not the HTTP server). */
  close(): Promise<void>;
}

export async function attachHub(server: http.Server, given: Partial<HubOptions> = {}): Promise<Hub> {
  const options = await resolveHubOptions(given);
  const stopPruning = options.housekeeping ? schedulePruning() : () => {};
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
  // Sealed with a key every instance derives from the shared auth secret (redis-seal.ts).
  const seal = options.redisUrl ? redisSeal(authSecret()) : null;
  const closeRedis =
    options.redisUrl && seal
      ? await joinRedisAdapter(io, { url: options.redisUrl, keyPrefix: options.redisKeyPrefix, seal })
      : async () => {};
  const ui = io.of(UI_NAMESPACE) as UiNamespace;
  const store = prismaRunStore;
  const hosts = prismaHostStore;
  const room = (runId: string) => ui.to(runRoom(runId));
  const watchers = new RunWatchers();
  // Set once the namespace exists; the manager asks it only when an agent says hello.
  let cluster: Cluster = SOLO;
  const runs = new RunManager({
    options,
    store,
    hosts,
    users: prismaUsers,
    seal: runStateSeal(authSecret()),
    cluster: { release: (hostId) => cluster.release(hostId) },
    ui: {
      runState: (run) => {
        room(run.id).emit("run.state", run);
        watchers.emit(run.id, { type: "run", run });
      },
      stepState: (runId, step) => {
        room(runId).emit("step.state", step);
        watchers.emit(runId, { type: "step", step });
      },
      output: (runId, stepRunId, offset, data, except) => {
        (except.size ? room(runId).except([...except]) : room(runId)).emit("step.output", {
          runId,
          stepRunId,
          offset,
          data,
        });
        watchers.emit(runId, { type: "output", stepRunId, offset, data });
      },
      resync: (runId, stepRunId, socketId) => ui.to(socketId).emit("step.resync", { runId, stepRunId }),
    },
  });
  registerLiveRuns((runId) => runs.liveState(runId));
  reportHubCounts(() => runs.counts());
  setupAgentNamespace(io.of(AGENT_NAMESPACE) as AgentNamespace, runs, hosts, options);
  if (seal) cluster = setupCluster(ui, () => runs, seal);
  const hub = { runs, store, cluster };
  // serverSideEmit needs an adapter that spans instances: forward only with Redis.
  const forwarder = seal ? setupForwarding(ui, hub, seal) : undefined;
  const uiNamespace = setupUiNamespace(ui, hub, options, forwarder);
  // Route handlers and alert triage reach the hub through lib/runs/hub-commands.ts.
  const unregister = registerHubEntry(inProcessEntry(hub, uiNamespace.hosts, watchers, forwarder));
  const stopPresence = onPresenceChange((hostId) => {
    hosts
      .view(hostId)
      .then((host) => host && ui.emit("host.status", host))
      .catch((err: unknown) => log.warn({ err }, "could not publish host status"));
  });
  // Runs left active by an instance that stopped are taken over when their agent says hello here;
  // those whose agent does not come back anywhere within the grace period are ended as lost.
  const sweep = options.housekeeping
    ? setTimeout(() => {
        activeRunHosts()
          .then((hostIds) => runs.sweepOrphans((hostId) => hosts.onlineAnywhere(hostId), hostIds))
          .catch((err: unknown) => log.error({ err }, "could not end the steps of runs left behind"));
      }, options.agentGraceMs)
    : null;
  log.info("run hub attached (socket.io /agent, /ui)");
  return {
    io,
    runs,
    options,
    async close() {
      stopPruning();
      if (sweep) clearTimeout(sweep);
      stopPresence();
      unregister();
      uiNamespace.stop();
      await runs.close();
      io.of(AGENT_NAMESPACE).disconnectSockets(true);
      ui.disconnectSockets(true);
      // io.close() would also close the HTTP server, which belongs to the caller.
      io.engine.close();
      await closeRedis();
    },
  };
}
