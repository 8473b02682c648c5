// One HTTP port for Next.js pages and (later) socket.io; binds to 127.0.0.1 unless HOST says otherwise.
import http from "node:http";
import next from "next";
import { log } from "../lib/log";
import { installClientAddress, parseTrustProxy } from "../lib/http/client-address";
import { timeRequest } from "../lib/http/request-timing";
import { registerAtStartup, runStartupTasks } from "./startup";
import { attachHub } from "./hub";
import { closeServer } from "./shutdown";

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(opts: { host?: string; port?: number; dev?: boolean } = {}): Promise<StartedServer> {
  const host = opts.host ?? process.env.HOST ?? "127.0.0.1";
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const dev = opts.dev ?? process.env.NODE_ENV === "development";

  // Read before anything starts, so a TRUST_PROXY it cannot read stops the start with its reason.
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  registerAtStartup();
  const app = next({ dev, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    timeRequest(req, res);
    void handle(req, res);
  });

  const hub = await attachHub(server); // socket.io /agent and /ui on the same port
  // Pages (first-admin setup from localhost), better-auth's rate limit and the socket.io handshakes
  // read the client address from a header stamped here, after the hub so it covers socket.io too.
  installClientAddress(server, trustProxy);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log.info({ url, dev, trustProxy: process.env.TRUST_PROXY || "none" }, "casebook listening");
  await runStartupTasks(url);
  return {
    url,
    close: () => closeServer(server, hub),
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  startServer().catch((err: unknown) => {
    log.fatal({ err }, "casebook failed to start");
    process.exit(1);
  });
}
