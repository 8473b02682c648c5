// Starts the Casebook bench server (casebook-server.ts) as a child process and talks to it through
// the lines it prints.
import type { ChildProcess } from "node:child_process";
import type { LiveHeap } from "../lib/live-heap";
import { TaggedLines } from "../lib/tagged-lines";
import { startChild } from "./child-processes";

export interface CasebookServer {
  url: string;
  cookie: string;
  hostIds: string[];
  pid: number;
  /** Memory in use after a full garbage collection, in bytes. */
  liveHeap(): Promise<LiveHeap>;
}

export type { LiveHeap } from "../lib/live-heap";

interface Ready {
  url: string;
  cookie: string;
  hostIds: string[];
}

export async function startCasebookServer(opts: {
  contentDir: string;
  agents: number;
  maxOutputMb: number;
  readyTimeoutMs: number;
}): Promise<CasebookServer> {
  const lines = new TaggedLines("the Casebook bench server");
  // BENCH_STREAM_SERVER_FLAGS adds node flags, e.g. "--cpu-prof --cpu-prof-dir=bench/out/profile" to see
  // where the hub's time goes.
  const extraFlags = process.env.BENCH_STREAM_SERVER_FLAGS?.split(" ").filter(Boolean) ?? [];
  const loaders = ["--import", "tsx", "--import", "./server/server-only-hook.mjs"];
  const args = [...extraFlags, "--expose-gc", ...loaders, "bench/stream/casebook-server.ts"];
  const child: ChildProcess = startChild("casebook", process.execPath, args, {
    env: {
      ...process.env,
      CONTENT_DIR: opts.contentDir,
      // A throwaway folder: its parse results would only be left behind under data/.
      CASEBOOK_CONTENT_CACHE: "off",
      BENCH_AGENTS: String(opts.agents),
      BENCH_MAX_OUTPUT_MB: String(opts.maxOutputMb),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    ipc: true,
    onLine: (line) => {
      // The server logs at warn and above (LOG_LEVEL): show them, so a refusal is not silent.
      if (!lines.take(line) && line.startsWith("{")) process.stderr.write(`[casebook] ${line}\n`);
    },
  });
  lines.follow(child);
  const next = (tag: string, timeoutMs: number) => lines.next(tag, timeoutMs);
  const ready = JSON.parse(await next("BENCH_READY", opts.readyTimeoutMs)) as Ready;
  const pid = child.pid ?? 0;
  return {
    ...ready,
    pid,
    async liveHeap() {
      const reply = next("BENCH_HEAP", 10_000);
      process.kill(pid, "SIGUSR2");
      return JSON.parse(await reply) as LiveHeap;
    },
  };
}
