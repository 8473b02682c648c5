// Every process the benchmark starts, each in its own process group, so that whatever happens
// (success, failure, the watchdog, Ctrl-C) they and their children are stopped before we exit.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

const running = new Set<ChildProcess>();

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with each line the child prints on stdout. */
  onLine?: (line: string) => void;
  /** Where stderr goes; default: ours, prefixed with the label. */
  quietStderr?: boolean;
  /** Opens an IPC channel, so a child of ours can notice when we are gone (its "disconnect" event). */
  ipc?: boolean;
}

export function startChild(label: string, file: string, args: string[], opts: StartOptions = {}): ChildProcess {
  const child = spawn(file, args, {
    env: opts.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe", ...(opts.ipc ? (["ipc"] as const) : [])],
    detached: true,
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let partial = "";
  child.stdout?.setEncoding("utf8").on("data", (text: string) => {
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) opts.onLine?.(line);
  });
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    if (!opts.quietStderr) process.stderr.write(text.replace(/^(?=.)/gm, `[${label}] `));
  });
  return child;
}

/** SIGTERM to the child's whole group, SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(pid, "SIGKILL"); // leftovers in the group (e.g. a step's shell)
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

/** Last resort on process exit: no awaiting possible, so kill outright. */
export function killAllNow(): void {
  for (const child of running) if (child.pid !== undefined) signalGroup(child.pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Resolves once something accepts connections on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the process for port ${port} exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
