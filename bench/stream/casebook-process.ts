// Starts the Casebook bench server (casebook-server.ts) as a child process and talks to it through
// the lines it prints.
import type { ChildProcess } from "node:child_process";
import { startChild } from "./child-processes";

export interface CasebookServer {
  url: string;
  cookie: string;
  hostIds: string[];
  pid: number;
  /** Memory in use after a full garbage collection, in bytes. */
  liveHeap(): Promise<LiveHeap>;
}

export interface LiveHeap {
  collected: boolean;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

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
  const waiting = new Map<string, (json: string) => void>();
  // BENCH_STREAM_SERVER_FLAGS adds node flags, e.g. "--cpu-prof --cpu-prof-dir=bench/out/profile" to see
  // where the hub's time goes.
  const extraFlags = process.env.BENCH_STREAM_SERVER_FLAGS?.split(" ").filter(Boolean) ?? [];
  const loaders = ["--import", "tsx", "--import", "./server/server-only-hook.mjs"];
  const args = [...extraFlags, "--expose-gc", ...loaders, "bench/stream/casebook-server.ts"];
  const child: ChildProcess = startChild("casebook", process.execPath, args, {
    env: {
      ...process.env,
      CONTENT_DIR: opts.contentDir,
      BENCH_AGENTS: String(opts.agents),
      BENCH_MAX_OUTPUT_MB: String(opts.maxOutputMb),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    ipc: true,
    onLine: (line) => {
      const space = line.indexOf(" ");
      const handler = space > 0 ? waiting.get(line.slice(0, space)) : undefined;
      if (handler) handler(line.slice(space + 1));
      // The server logs at warn and above (LOG_LEVEL): show them, so a refusal is not silent.
      else if (line.startsWith("{")) process.stderr.write(`[casebook] ${line}\n`);
    },
  });
  const next = (tag: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the Casebook bench server did not print ${tag} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const exited = (code: number | null) =>
        reject(new Error(`the Casebook bench server exited (${code}) before printing ${tag}`));
      child.once("exit", exited);
      waiting.set(tag, (json) => {
        clearTimeout(timer);
        child.off("exit", exited);
        waiting.delete(tag);
        resolve(json);
      });
    });
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
