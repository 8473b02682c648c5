// Starts bench/abuse/abuse-server.ts as a child process and reads the line it prints when ready.
import { startChild } from "../stream/child-processes";

export interface AbuseServer {
  url: string;
  healthUrl: string;
  hostId: string;
  floodToken: string;
  operatorCookie: string;
  viewerCookie: string;
  pid: number;
}

export function startAbuseServer(contentDir: string, readyTimeoutMs: number): Promise<AbuseServer> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", "--import", "./server/server-only-hook.mjs", "bench/abuse/abuse-server.ts"];
    const child = startChild("casebook", process.execPath, args, {
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        CASEBOOK_CONTENT_CACHE: "off",
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
      },
      ipc: true,
      onLine: (line) => {
        if (!line.startsWith("ABUSE_READY ")) return;
        clearTimeout(timer);
        resolve({ ...(JSON.parse(line.slice("ABUSE_READY ".length)) as AbuseServer), pid: child.pid ?? 0 });
      },
    });
    const timer = setTimeout(
      () => reject(new Error(`the abuse server was not ready in ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
    child.once("exit", (code) => reject(new Error(`the abuse server exited (${code}) before it was ready`)));
  });
}
