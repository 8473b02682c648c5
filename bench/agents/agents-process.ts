// Starts the idle-agents bench server (agents-server.ts) as a child process and follows the lines
// it prints: how many agents are online, and its heap after a full collection on request.
import type { ChildProcess } from "node:child_process";
import type { LiveHeap } from "../stream/casebook-process";
import { TaggedLines } from "../lib/tagged-lines";
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
  const lines = new TaggedLines("the bench server");
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
        if (!lines.take(line) && line.startsWith("{")) process.stderr.write(`[casebook] ${line}\n`);
      },
    },
  );
  lines.follow(child);
  const next = (tag: string, timeoutMs: number) => lines.next(tag, timeoutMs);
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
