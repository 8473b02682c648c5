// One hub instance as a process of its own, for tests that kill one (testing/hub-cluster.ts starts
// them). A bare HTTP server with the hub attached, as in testing/hub-harness.ts, but on the
// database and Redis the environment names (DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX,
// BETTER_AUTH_SECRET, as for the real server), so several of these form one deployment. PORT 0 or
// unset takes any free port; a restarted node passes its old one. The rest of what it reads, and
// what it prints, is in ./hub-node-wire.ts. SIGTERM closes it as the real server closes
// (server/shutdown.ts).
// Run with `node --import tsx --import ./server/server-only-hook.mjs testing/hub-node.ts`.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Playbook } from "@/lib/playbooks/types";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { attachHub, type Hub } from "@/server/hub";
import { closeServer } from "@/server/shutdown";
import { AGENTS_PATH, NODE_ENV_NAMES, type AgentsReport, type ReadyLine } from "./hub-node-wire";

function readPlaybooks(file: string): Playbook[] {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as Array<Omit<Playbook, "updatedAt"> & { updatedAt: string }>;
  // The one field of a Playbook that JSON does not carry as it is.
  return raw.map((p) => ({ ...p, updatedAt: new Date(p.updatedAt) }));
}

function answerAgents(hub: Hub, req: http.IncomingMessage, res: http.ServerResponse): void {
  const asked = new URL(req.url ?? "/", "http://node").searchParams.getAll("host");
  const report: AgentsReport = {
    counts: hub.runs.counts(),
    connected: Object.fromEntries(asked.map((id) => [id, hub.runs.isConnected(id)])),
  };
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(report));
}

async function main(): Promise<void> {
  const file = process.env[NODE_ENV_NAMES.playbooks];
  if (!file) throw new Error(`${NODE_ENV_NAMES.playbooks} must name a JSON file of playbooks`);
  const bySlug = new Map(readPlaybooks(file).map((p) => [p.slug, p]));

  // The handler is there before the hub, which wraps it (socket.io takes its own paths first).
  const attached: { hub?: Hub } = {};
  const server = http.createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (attached.hub && req.method === "GET" && path === AGENTS_PATH) return answerAgents(attached.hub, req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hub = await attachHub(server, {
    getPlaybook: async (slug) => bySlug.get(slug),
    allowedOrigins: [url],
    housekeeping: process.env[NODE_ENV_NAMES.housekeeping] === "1",
  });
  attached.hub = hub;
  process.once("SIGTERM", () => {
    closeServer(server, hub)
      .then(() => db.$disconnect())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, "hub node did not close cleanly");
          process.exit(1);
        },
      );
  });
  const ready: ReadyLine = { ready: true, url };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((err: unknown) => {
  log.fatal({ err }, "hub node failed to start");
  process.exit(1);
});
