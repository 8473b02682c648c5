// For tests of HTTP clients (the casebook CLI): the app's real route handlers (app/**/route.ts)
// served over a plain Node HTTP server, dispatched by their folder paths as Next does (static
// segments before [param] before [...catchAll]), with responses streamed as they are written. No
// Next build, no pages; import it after DATABASE_URL points at the test's database.
import type http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { REMOTE_ADDR_HEADER } from "@/lib/http/remote-addr";
import { routeFiles, routeHandlers } from "./entry-points";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

interface Route {
  segments: string[];
  methods: Map<string, Handler>;
}

/** Sorts static segments first, then [param], then [...rest], segment by segment. */
function rank(segment: string): number {
  if (segment.startsWith("[...")) return 2;
  return segment.startsWith("[") ? 1 : 0;
}

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    const rest = /^\[\.\.\.(\w+)\]$/.exec(segment)?.[1];
    if (rest) {
      if (i >= parts.length) return null;
      params[rest] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (name) params[name] = decodeURIComponent(part);
    else if (segment !== part) return null;
  }
  return route.segments.length === parts.length ? params : null;
}

/** A request listener for every route handler in app/. */
export async function routeListener(): Promise<http.RequestListener> {
  const routes = new Map<string, Route>();
  for (const { file, method, handler } of await routeHandlers(routeFiles())) {
    const dir = path.dirname(file);
    const route = routes.get(dir) ?? { segments: dir.split(path.sep), methods: new Map() };
    route.methods.set(method, handler as Handler);
    routes.set(dir, route);
  }
  const ordered = [...routes.values()].sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const diff = rank(a.segments[i]!) - rank(b.segments[i]!);
      if (diff) return diff;
    }
    return 0;
  });

  return (req, res) => {
    void serve(ordered, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(err));
    });
  };
}

async function serve(routes: Route[], req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  const parts = url.pathname.split("/").filter(Boolean);
  let found: { handler: Handler; params: Record<string, string | string[]> } | undefined;
  for (const route of routes) {
    const params = match(route, parts);
    const handler = params && route.methods.get(req.method ?? "GET");
    if (params && handler) {
      found = { handler, params };
      break;
    }
  }
  if (!found) {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "No such route" }));
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  // As the custom server does (lib/http/client-address.ts): the peer's address, never a client's copy.
  headers.set(REMOTE_ADDR_HEADER, req.socket.remoteAddress ?? "127.0.0.1");
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal: abort.signal,
    // @ts-expect-error -- Node's fetch needs duplex for a streamed body; the DOM types do not know it.
    duplex: hasBody ? "half" : undefined,
  });
  const response = await found.handler(request, { params: Promise.resolve(found.params) });
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  res.writeHead(response.status, out);
  if (!response.body) {
    res.end();
    return;
  }
  // A client that goes away cancels the body, as Next does: an endless stream (a run's events) ends.
  const reader = response.body.getReader();
  abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } finally {
    res.end();
  }
}
