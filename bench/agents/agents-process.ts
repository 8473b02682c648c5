// Starts the idle-agents bench server (agents-server.ts) as a child process and follows the lines
// it prints: how many agents are online, and its heap after a full collection on request.
import type { ChildProcess } from "node:child_process";
import type { LiveHeap } from "../stream/casebook-process";
import { startChild } from "../stream/child-processes";

export interface AgentsServer {
  url: string;
  pid: number;
  /** Agents connected (said hello) right now, as the server last printed. */
  online(): number;
  /** Resolves once `check` holds for the online count. */
  untilOnline(check: (online: number) => boolean, timeoutMs: number): Promise<void>;
  liveHeap(): Promise<LiveHeap & { online: number }>;
}

export async function startAgentsServer(opts: {
  hosts: number;
  tokensFile: string;
  readyTimeoutMs: number;
}): Promise<AgentsServer> {
  let online = 0;
  const onlineWaiters = new Set<() => void>();
  const waiting = new Map<string, (json: string) => void>();
  const extraFlags = process.env.BENCH_AGENTS_SERVER_FLAGS?.split(" ").filter(Boolean) ?? [];
  const loaders = ["--import", "tsx", "--import", "./server/server-only-hook.mjs"];
  const child: ChildProcess = startChild(
    "casebook",
    process.execPath,
    [...extraFlags, "--expose-gc", ...loaders, "bench/agents/agents-server.ts"],
    {
      env: {
        ...process.env,
        BENCH_HOSTS: String(opts.hosts),
        BENCH_TOKENS_FILE: opts.tokensFile,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
      },
      ipc: true,
      onLine: (line) => {
        const space = line.indexOf(" ");
        const tag = space > 0 ? line.slice(0, space) : line;
        if (tag === "BENCH_ONLINE") {
          online = Number(line.slice(space + 1));
          for (const wake of onlineWaiters) wake();
          return;
        }
        const handler = waiting.get(tag);
        if (handler) handler(line.slice(space + 1));
        else if (line.startsWith("{")) process.stderr.write(`[casebook] ${line}\n`);
      },
    },
  );
  const next = (tag: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bench server did not print ${tag} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const exited = (code: number | null) => reject(new Error(`the bench server exited (${code}) before ${tag}`));
      child.once("exit", exited);
      waiting.set(tag, (json) => {
        clearTimeout(timer);
        child.off("exit", exited);
        waiting.delete(tag);
        resolve(json);
      });
    });
  const ready = JSON.parse(await next("BENCH_READY", opts.readyTimeoutMs)) as { url: string };
  const pid = child.pid ?? 0;
  return {
    url: ready.url,
    pid,
    online: () => online,
    untilOnline: (check, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const wake = () => {
          if (!check(online)) return;
          clearTimeout(timer);
          onlineWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(() => {
          onlineWaiters.delete(wake);
          reject(new Error(`agents online: ${online}, still not as wanted after ${timeoutMs} ms`));
        }, timeoutMs);
        onlineWaiters.add(wake);
        wake();
      }),
    async liveHeap() {
      const reply = next("BENCH_HEAP", 60_000);
      process.kill(pid, "SIGUSR2");
      return JSON.parse(await reply) as LiveHeap & { online: number };
    },
  };
}
