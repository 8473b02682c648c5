// For fault tests: a redis-server of the test's own on a free port, that the test may restart at
// will (the shared one on 6379 serves other tests and must never be touched). Nothing is persisted,
// so a restart is an empty server, as after a crash of a cache-only Redis.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { freePort } from "./free-port";

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

export interface PrivateRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL, like a crash) and starts a new empty one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves once the port accepts a connection that answers PING with PONG. */
async function answers(port: number, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("error", () => resolve(false));
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (d) => {
        socket.destroy();
        resolve(d.toString().startsWith("+PONG"));
      });
    });
    if (pong) return;
    if (Date.now() > deadline) throw new Error(`private redis-server did not start on ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess;
  let log = "";
  const start = async () => {
    log = "";
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    proc = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    proc.stdout?.on("data", (d: Buffer) => (log += d.toString()));
    proc.stderr?.on("data", (d: Buffer) => (log += d.toString()));
    await answers(port, 10_000, () => log);
  };
  const kill = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGKILL");
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      await kill();
      await start();
    },
    stop: kill,
  };
}
