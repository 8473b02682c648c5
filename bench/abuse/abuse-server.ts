// The Casebook server under the flood, as its own process (so its RSS is its own): the hub's
// harness (testing/hub-harness.ts) with one real agent for the victim's host, plus the real
// `/api/health` route handler on a second port of the same process (same event loop, same database).
// Env: CONTENT_DIR. Prints `ABUSE_READY {...}` once ready; SIGTERM (or our parent going away) stops it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getPlaybook } from "@/lib/playbooks/content-index";
import { startHarness } from "@/testing/hub-harness";

if (!process.env.CONTENT_DIR) throw new Error("CONTENT_DIR must name the benchmark's playbook folder");

const harness = await startHarness([], { getPlaybook });
// Imported after the harness set DATABASE_URL: the route's database client reads it on import.
const { GET: health } = await import("@/app/api/health/route");
const { hostId } = await harness.agentFor("victim", ["--max-risk", "read"]);
// A second host whose token the hello flood uses; no agent runs for it.
const { token: floodToken } = await harness.hosts.createHost("flooder");
const operatorCookie = await harness.signIn("operator");
const viewerCookie = await harness.signIn("viewer");

const healthServer = http.createServer((req, res) => {
  void health(new Request(`http://127.0.0.1${req.url ?? "/"}`)).then(async (reply) => {
    res.writeHead(reply.status, { "content-type": "application/json" }).end(await reply.text());
  });
});
await new Promise<void>((resolve) => healthServer.listen(0, "127.0.0.1", resolve));
const healthUrl = `http://127.0.0.1:${(healthServer.address() as AddressInfo).port}/api/health`;

console.log(
  `ABUSE_READY ${JSON.stringify({ url: harness.url, healthUrl, hostId, floodToken, operatorCookie, viewerCookie })}`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 5000).unref();
  healthServer.close();
  void harness.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
