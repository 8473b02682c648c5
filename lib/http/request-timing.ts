// Times every HTTP request the custom server hands to Next, into the latency histogram on /metrics.
import type http from "node:http";
import { metrics, pathKind } from "@/lib/metrics/metrics";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function timeRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const end = metrics.httpDuration.startTimer();
  res.once("finish", () => {
    const method = req.method && METHODS.has(req.method) ? req.method : "other";
    const kind = pathKind((req.url ?? "/").split("?", 1)[0]!);
    end({ method, kind, status: `${Math.floor(res.statusCode / 100)}xx` });
  });
}
