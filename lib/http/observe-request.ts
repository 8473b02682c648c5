// What the custom server does around every HTTP request it hands to Next: give it a request id
// (the load balancer's x-request-id when it looks like one, else a new one), send that id back,
// log everything done for the request with it, and time the request for /metrics.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { withLogContext } from "@/lib/log-context";
import { metrics, pathKind } from "@/lib/metrics/metrics";

export const REQUEST_ID_HEADER = "x-request-id";
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** An id from upstream is kept only when it cannot break a log line or a header. */
const UPSTREAM_ID = /^[\w.:-]{1,100}$/;

export function observeRequest(req: http.IncomingMessage, res: http.ServerResponse, serve: () => void): void {
  const given = req.headers[REQUEST_ID_HEADER];
  const reqId = typeof given === "string" && UPSTREAM_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, reqId);
  const end = metrics.httpDuration.startTimer();
  res.once("finish", () => {
    const method = req.method && METHODS.has(req.method) ? req.method : "other";
    const kind = pathKind((req.url ?? "/").split("?", 1)[0]!);
    end({ method, kind, status: `${Math.floor(res.statusCode / 100)}xx` });
  });
  withLogContext({ reqId }, serve);
}
