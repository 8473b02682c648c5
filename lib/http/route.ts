// The one way to declare a route handler: who may call it, and what its params, query and body
// must look like. The handler runs only for a caller with the role and input that passed, and the
// user it needs comes from here, so a new route cannot skip the check. It is also the one CSRF
// check for route handlers: an unsafe method must come from this site's own pages, unless it is
// authenticated by an API token alone (lib/auth/bearer-header.ts says why that is safe).
import { unstable_rethrow } from "next/navigation";
import type * as z from "zod";
import { isBearerOnly } from "@/lib/auth/bearer-header";
import { isTrustedOrigin } from "@/lib/auth/origins";
import type { Access, SessionUser } from "@/lib/auth/request-user";
import { hasRole, type Role } from "@/lib/auth/roles";
import { log } from "@/lib/log";
import { readJsonBody, type JsonBody } from "./body";
import { firstIssue, jsonError, SIGN_IN_REQUIRED } from "./json-error";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type ParsedBody<B> = B extends JsonBody<infer S> ? z.output<S> : undefined;

export interface RouteSpec<A extends Access, P, Q, B> {
  role: A;
  /** The path segments, e.g. `z.object({ id: z.string() })`. */
  params?: P;
  /** The query string, as an object of each parameter's first value. */
  query?: Q;
  /** A JSON body (`jsonBody(...)`); routes that take uploads read `req` themselves. */
  body?: B;
  /**
   * A webhook from another system's server, proven by its own secret rather than a cookie, so it
   * carries no Origin and is spared the CSRF check. Only for public routes: a cookie is never read.
   */
  webhook?: A extends "public" ? true : never;
  /** What the route does and answers, for the API document (lib/http/openapi.ts); required under app/api. */
  doc?: RouteDoc;
}

/** A success answer that is not JSON (text, a stream, a file): its media type and what it holds. */
export interface RawResponse {
  contentType: string;
  description: string;
  /** The shape of each line (NDJSON) or of the file, when it has one. */
  schema?: z.ZodType;
}

export interface RouteDoc {
  summary: string;
  description?: string;
  /** The success answer: a JSON schema, or a raw one. */
  response: z.ZodType | RawResponse;
  /** The success status; default 200. */
  status?: number;
  /** A body read by the handler itself (uploads): its media types and what it holds. */
  rawBody?: RawResponse;
}

export type RouteArgs<A extends Access, P, Q, B> = {
  req: Request;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: ParsedBody<B>;
} & (A extends Role ? { user: SessionUser } : unknown);

/** What Next passes besides the request; tests may leave it out for routes without segments. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = (req: Request, ctx?: RouteContext) => Promise<Response>;

type AnySpec = RouteSpec<Access, z.ZodType | undefined, z.ZodType | undefined, JsonBody | undefined>;

const declared = new WeakMap<RouteHandler, AnySpec>();

export function route<
  A extends Access,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends JsonBody | undefined = undefined,
>(spec: RouteSpec<A, P, Q, B>, handle: (args: RouteArgs<A, P, Q, B>) => Promise<Response> | Response): RouteHandler {
  const handler: RouteHandler = async (req, ctx) => {
    try {
      const foreign = spec.webhook ? undefined : refuseForeignOrigin(req);
      if (foreign) return foreign;
      const caller = await authorise(req, spec.role);
      if (caller instanceof Response) return caller;
      const input = await parseInput(req, ctx, spec);
      if (input instanceof Response) return input;
      return await handle({ req, ...input, ...caller } as RouteArgs<A, P, Q, B>);
    } catch (err) {
      // Next's own control flow (notFound(), dynamic-rendering bailouts) must pass through.
      unstable_rethrow(err);
      log.error({ err, method: req.method, path: new URL(req.url).pathname }, "route handler failed");
      return jsonError(500, "The request failed on the server; the server log has the details.");
    }
  };
  declared.set(handler, spec as AnySpec);
  return handler;
}

/** The access a handler was declared with, or undefined if route() did not make it. */
export function routeAccess(handler: unknown): Access | undefined {
  return routeSpecOf(handler)?.role;
}

/** The spec a handler was declared with (what it enforces), or undefined if route() did not make it. */
export function routeSpecOf(handler: unknown): AnySpec | undefined {
  return typeof handler === "function" ? declared.get(handler as RouteHandler) : undefined;
}

/** Methods that must not change anything, so a request from another site may make them. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-bearing write from another origin (CSRF): SameSite=Lax keeps the cookie off cross-site
 * posts only, so a form post or a `no-cors` fetch from another port on this host or a sibling
 * subdomain still carries it. Every browser sends `Origin` on a non-GET request, so the header is
 * required; `Sec-Fetch-Site` is no fallback, since browsers send it only to https and localhost and
 * always with `Origin`. Checked before the session, so a forged request does no session read (nor
 * refresh) and its answer does not depend on who is signed in.
 */
function refuseForeignOrigin(req: Request): Response | undefined {
  if (SAFE_METHODS.has(req.method) || isBearerOnly(req.headers)) return undefined;
  const origin = req.headers.get("origin");
  if (isTrustedOrigin(origin)) return undefined;
  if (origin === null) {
    return jsonError(403, `Forbidden: a ${req.method} must carry an Origin header naming this site.`);
  }
  if (origin === "null") {
    return jsonError(403, `Forbidden: Origin "null" (a sandboxed or file: page, or a redirect) cannot write here.`);
  }
  return jsonError(403, `Forbidden: ${origin} is not this site's origin.`);
}

async function authorise(req: Request, role: Access): Promise<{ user?: SessionUser } | Response> {
  if (role === "public") return {};
  // Loaded here, not at the top, so a public route (health) answers even when the auth setup cannot load.
  const { callerFromHeaders } = await import("@/lib/auth/request-user");
  const { user, refused } = await callerFromHeaders(req.headers, `${req.method} ${new URL(req.url).pathname}`);
  if (!user) return jsonError(401, refused ?? SIGN_IN_REQUIRED);
  if (!hasRole(user, role)) return jsonError(403, `Forbidden: this needs the ${role} role, and you are ${user.role}.`);
  return { user };
}

type Input = { params: unknown; query: unknown; body: unknown };

async function parseInput(req: Request, ctx: RouteContext | undefined, spec: AnySpec): Promise<Input | Response> {
  const params = check(spec.params, (await ctx?.params) ?? {});
  if (params instanceof Response) return params;
  const query = check(spec.query, firstValues(new URL(req.url).searchParams));
  if (query instanceof Response) return query;
  if (!spec.body) return { params, query, body: undefined };
  const body = await readJsonBody(req, spec.body);
  return body.ok ? { params, query, body: body.value } : body.response;
}

function check(schema: z.ZodType | undefined, raw: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : jsonError(400, firstIssue(parsed.error));
}

/** `?a=1&a=2` reads as `{ a: "1" }`, as `URLSearchParams.get` would. */
function firstValues(search: URLSearchParams): Record<string, string> {
  const first = new Map<string, string>();
  for (const [key, value] of search) if (!first.has(key)) first.set(key, value);
  return Object.fromEntries(first);
}
