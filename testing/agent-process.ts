// A real agent process for tests (agent/bin/casebook-agent.js), its log kept for assertions.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const AGENT_BIN = path.resolve(import.meta.dirname, "../agent/bin/casebook-agent.js");

export interface AgentProcess {
  proc: ChildProcess;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** Everything it wrote to stdout and stderr so far. */
  log(): string;
}

export function spawnAgentProcess(args: string[], env: Record<string, string> = {}): AgentProcess {
  const proc = spawn(process.execPath, [AGENT_BIN, ...args], {
    env: { ...process.env, CASEBOOK_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, exited, log: () => log };
}
