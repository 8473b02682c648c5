// The peer: WeTTY 3.2 from npm, installed on demand into bench/out/wetty (git-ignored, not a
// project dependency), run as its own process and driven like its browser client drives it:
// socket.io under /wetty, `input` to type, `data` to read, `commit` to acknowledge output.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import type { TerminalSink } from "./raw-pty";

const PREFIX = path.resolve("bench/out/wetty");
const MAIN = path.join(PREFIX, "node_modules/wetty/build/main.js");
export const WETTY_BASE = "/wetty";

/** WeTTY's browser client acknowledges every this many characters it has written (its FlowControlClient). */
const WETTY_ACK_CHARS = 262_144;

export function wettyVersion(): string | null {
  const pkg = path.join(PREFIX, "node_modules/wetty/package.json");
  if (!fs.existsSync(pkg)) return null;
  return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
}

/** Installs WeTTY 3.2 unless it is there already; returns its version. */
export function ensureWetty(): string {
  const present = wettyVersion();
  if (present?.startsWith("3.2.")) return present;
  console.log("installing WeTTY 3.2 into bench/out/wetty (once)…");
  fs.mkdirSync(PREFIX, { recursive: true });
  execFileSync("npm", ["install", "--prefix", PREFIX, "wetty@3.2", "--no-audit", "--no-fund"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const installed = wettyVersion();
  if (!installed) throw new Error(`WeTTY did not install into ${PREFIX}`);
  return installed;
}

/** The command line that serves `bash` on 127.0.0.1:port (run it as a child process). */
export function wettyCommand(port: number): { file: string; args: string[] } {
  return {
    file: process.execPath,
    args: [
      MAIN,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--base",
      WETTY_BASE,
      "--command",
      "bash",
      "--log-level",
      "warn",
    ],
  };
}

/** Opens one WeTTY terminal (a fresh bash), types `command`, and feeds `data` to the sink. */
export async function runInWetty(port: number, command: string, sink: TerminalSink, timeoutMs: number): Promise<void> {
  const socket: Socket = io(`http://127.0.0.1:${port}`, {
    path: `${WETTY_BASE}/socket.io`,
    transports: ["websocket"],
    reconnection: false,
  });
  let unacked = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) => {
        socket.on("connect_error", (err) => reject(new Error(`WeTTY: ${err.message}`)));
        socket.on("login", () => {
          socket.emit("input", `${command}\r`);
          resolve();
        });
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("WeTTY: no login")), 15_000))),
    ]);
    clearTimeout(timer);
    socket.on("data", (data: string) => {
      const at = process.hrtime.bigint();
      sink.push(Buffer.from(data, "latin1"), at);
      unacked += data.length;
      while (unacked >= WETTY_ACK_CHARS) {
        unacked -= WETTY_ACK_CHARS;
        socket.emit("commit", WETTY_ACK_CHARS);
      }
    });
    await Promise.race([
      sink.done,
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`WeTTY: no end marker after ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
    socket.close();
  }
}
