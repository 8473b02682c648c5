// one-database: SQLite, whose file testing/db-snapshot.ts reads synchronously to check each try's effects
// (the same handlers run on PostgreSQL in the route and hub tests).
// The authorisation matrix for route handlers and server actions (issue 8, "Proof, kept in the
// suite"): every handler app/**/route.ts exports and every server action, tried as each principal
// (testing/authorisation.ts) against a real temp database with real better-auth sessions. The
// tables below are the one statement of who may call what; an entry point without a line fails,
// and so does a line whose rule the code does not keep. A try is judged by its answer and by what
// it changed in the database (and in content/): a refused one changes nothing and gives nothing
// away, an allowed one does what it is for. Socket events: server/hub/hub-matrix.test.ts; pages:
// e2e/authorisation-matrix.spec.ts; better-auth's own endpoints: app/api/auth/[...all]/endpoints-matrix.test.ts.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  declaredRole,
  expectedVerdict,
  judgeTry,
  PRINCIPAL_ROLES,
  PRINCIPALS,
  tableGaps,
  type Principal,
  type Rule,
  type Verdict,
} from "@/testing/authorisation";
import { changes, snapshotter, type Snapshot } from "@/testing/db-snapshot";
import { AUTH_ROUTE, routeHandlers, serverActions } from "@/testing/entry-points";
import { createPrincipals, credentialHeaders, type Principals } from "@/testing/principals";
import { fillSegments } from "@/testing/segments";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-matrix-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// Set by Next when experimental.authInterrupts is on (next.config.ts): forbidden() needs it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-matrix-content-"));
process.env.CONTENT_DIR = contentDir;

// Server actions read the request through next/headers, which only Next's request scope provides:
// here it is the principal's request. Cache revalidation has no Next cache to clear.
let actionHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => actionHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { routeAccess } = await import("@/lib/http/route");
const { actionAccess } = await import("@/lib/actions/action-client");
const { createIncident } = await import("@/lib/incidents/create-incident");
const { createHost } = await import("@/lib/hosts/manage-hosts");
const { createDraft } = await import("@/lib/drafts/create-draft");
const { createToken } = await import("@/lib/auth/api-tokens");
const { closeContentIndex } = await import("@/lib/playbooks/content-index");
const { REMOTE_ADDR_HEADER } = await import("@/lib/http/remote-addr");
const { REQUEST_PATH_HEADER } = await import("@/lib/auth/paths");
const { signTimestamped } = await import("@/lib/alerts/hmac");
const { sealSecret } = await import("@/lib/alerts/seal");

const origin = serverBaseUrl();
const db$ = snapshotter(tempDb.url);
let who: Principals;
let unique = 0;
const next = (prefix: string) => `${prefix}-${++unique}`;

/** What the tries share: the seeded rows, and text only an allowed caller may be shown. */
interface Fixtures {
  incidentId: string;
  hostName: string;
  hostId: string;
  runId: string;
  stepRunId: string;
  /** Text in the seeded step's output. */
  output: string;
  /** Seeded text that a refused answer must not contain. */
  secrets: string[];
  /** A user with no session, for actions that change someone. */
  newUser(role?: string): Promise<{ id: string }>;
  newHost(): Promise<{ id: string }>;
  /** The routes' draft, written by someone who is none of the principals. */
  draftId: string;
  /** A fresh draft by that someone, for actions that decide or remove one. */
  newDraft(): Promise<{ id: string; contentHash: string }>;
  /** A generic alert source and its secret, for the webhook. */
  alertSourceId: string;
  alertSecret: string;
  /** A fresh alert source or notification target, for actions that change or remove one. */
  newAlertSource(): Promise<{ id: string }>;
  newTarget(): Promise<{ id: string }>;
}

let f: Fixtures;

const incident = (title: string) => ({ title, severity: "SEV3", status: "investigating" });

const ALERT_BODY = JSON.stringify({ name: "MatrixAlert", fingerprint: "matrix-alert", labels: { host: "nowhere" } });

const draftMdx = (title: string) => `---
title: ${title}
summary: A playbook draft the matrix reviews.
---

<Step id="look" title="Look">
\`\`\`bash
uptime
\`\`\`
</Step>
`;

// ── Route handlers ──────────────────────────────────────────────────────────

interface RouteEntry {
  who: Rule;
  /** The query string, `?…`. */
  query?: string;
  /** Headers every principal's request carries besides its credentials. */
  headers?: Record<string, string>;
  /** The JSON body an allowed caller would send; raw bodies give their own content type. */
  body?: () => unknown;
  raw?: { type: string; text: string };
  /** The tables an allowed call changes (at least); a read changes none, for anyone. */
  writes?: string[];
  /** Text an allowed caller's answer holds (and a refused one must not). */
  shows?: () => string;
  /** Posted by another system's server, proven by a secret of its own: no cookie, no Origin check. */
  webhook?: true;
  /**
   * It runs a hub command, and no hub is attached here: an allowed call gets past route() to the
   * hub's entry point (lib/runs/hub-commands.ts), which answers 503. The hub's own checks on these
   * routes: app/api/runs/route.test.ts, server/hub/hub-in-process.test.ts.
   */
  hub?: true;
}

const ROUTE_EXAMPLE = '{ who: "<public|viewer|operator|admin>" } (and a body and writes if it changes anything)';

/**
 * Who may call each route handler. better-auth's catch-all is listed endpoint by endpoint in
 * app/api/auth/[...all]/endpoints-matrix.test.ts.
 */
const ROUTES: Record<string, RouteEntry> = {
  // Public to the guard; the generic source's signature is what lets it in (any principal's cookie
  // or bearer is ignored), and each try posts the same alert: it opens the incident, then updates it.
  "api/alerts/[sourceId]/route.ts POST": {
    who: "public",
    webhook: true,
    get headers() {
      return { "x-casebook-signature": signTimestamped(f.alertSecret, ALERT_BODY) };
    },
    raw: { type: "application/json", text: ALERT_BODY },
    writes: ["Incident"],
  },
  "api/audit/export/route.ts GET": { who: "admin", query: "?format=json", shows: () => f.hostName },
  "api/health/route.ts GET": { who: "public" },
  "healthz/route.ts GET": { who: "public" },
  // Served by address, not by role: loopback here; server/hub/hub-metrics.test.ts covers the rest.
  "metrics/route.ts GET": { who: "public", headers: { [REMOTE_ADDR_HEADER]: "127.0.0.1" } },
  "readyz/route.ts GET": { who: "public" },
  "api/incidents/[id]/draft-playbook/route.ts GET": { who: "viewer", shows: () => "Matrix incident" },
  "api/incidents/[id]/draft-playbook/route.ts POST": {
    who: "operator",
    body: () => ({ slug: next("matrix-draft") }),
    writes: ["PlaybookDraft", "AuditEvent"],
  },
  "api/drafts/route.ts POST": {
    who: "operator",
    query: "?name=uploaded.mdx",
    raw: { type: "text/markdown", text: draftMdx("Uploaded by the matrix") },
    writes: ["PlaybookDraft", "AuditEvent"],
  },
  "api/drafts/[id]/mdx/route.ts GET": { who: "operator", shows: () => "Matrix draft" },
  "api/drafts/[id]/publish/route.ts POST": { who: "editor", writes: ["PlaybookDraft", "AuditEvent", "content/"] },
  "api/incidents/[id]/export/route.ts GET": { who: "viewer", shows: () => "Matrix incident" },
  "api/incidents/[id]/route.ts GET": { who: "viewer", shows: () => "Matrix incident" },
  "api/incidents/[id]/route.ts PUT": {
    who: "operator",
    body: async () => ({
      incident: incident(next("Matrix incident, edited")),
      expectedUpdatedAt: (await db.incident.findUniqueOrThrow({ where: { id: f.incidentId } })).updatedAt,
    }),
    writes: ["Incident"],
  },
  "api/incidents/import/route.ts POST": {
    who: "operator",
    raw: { type: "application/json", text: JSON.stringify(incident("Imported by the matrix")) },
    writes: ["Incident"],
  },
  "api/incidents/route.ts GET": { who: "viewer", shows: () => "Matrix incident" },
  "api/incidents/route.ts POST": {
    who: "operator",
    body: () => ({ incident: incident(next("Posted")) }),
    writes: ["Incident"],
  },
  "api/runs/[id]/route.ts GET": { who: "viewer", shows: () => f.hostName },
  "api/runs/[id]/steps/[stepRunId]/cast/route.ts GET": { who: "viewer", shows: () => f.output },
  "api/search/route.ts GET": { who: "viewer", query: "?q=podman" },
  "api/hosts/route.ts GET": { who: "viewer", shows: () => f.hostName },
  "api/hosts/[id]/route.ts GET": { who: "viewer", shows: () => f.hostName },
  "api/incidents/export/route.ts GET": { who: "viewer", shows: () => "Matrix incident" },
  "api/openapi.json/route.ts GET": { who: "viewer", shows: () => "3.1.0" },
  "api/playbooks/route.ts GET": { who: "viewer", shows: () => "Matrix playbook" },
  "api/playbooks/[slug]/route.ts GET": { who: "viewer", shows: () => "Matrix playbook" },
  "api/runs/route.ts POST": { who: "operator", hub: true, body: () => ({ playbook: "matrix-book", hostId: f.hostId }) },
  "api/runs/[id]/steps/route.ts POST": { who: "operator", hub: true, body: () => ({ stepId: "look" }) },
  "api/runs/[id]/steps/[stepRunId]/route.ts GET": { who: "viewer", shows: () => f.stepRunId },
  "api/runs/[id]/steps/[stepRunId]/output/route.ts GET": { who: "viewer", shows: () => f.output },
  "api/runs/[id]/events/route.ts GET": { who: "viewer", hub: true },
  "api/runs/[id]/run-all-read/route.ts POST": { who: "operator", hub: true },
  "api/runs/[id]/cancel/route.ts POST": { who: "operator", hub: true },
  "api/runs/[id]/finish/route.ts POST": { who: "operator", hub: true },
};

/** Besides the principals: an admin's cookie on a request from another site (CSRF). */
const ROUTE_PRINCIPALS = [...PRINCIPALS, "cross-site"] as const;
type RoutePrincipal = (typeof ROUTE_PRINCIPALS)[number];

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function routeVerdict(entry: RouteEntry, principal: RoutePrincipal, method: string): Verdict {
  const rule = entry.who;
  if (principal !== "cross-site" || entry.webhook)
    return expectedVerdict(rule, principal === "cross-site" ? "admin" : principal);
  return SAFE.has(method) ? expectedVerdict(rule, "admin") : "forbidden";
}

/** route() answers 401 to a caller without a usable session, 403 to a role too low or a foreign origin. */
const REFUSALS: Record<number, "sign-in" | "forbidden"> = { 401: "sign-in", 403: "forbidden" };

/** The folder before a segment names what fills it. */
const segmentValues = () => ({
  alerts: f.alertSourceId,
  incidents: f.incidentId,
  runs: f.runId,
  steps: f.stepRunId,
  drafts: f.draftId,
  hosts: f.hostId,
  playbooks: MATRIX_PLAYBOOK,
});

/** The request a principal sends; built before the snapshot, since building it may read or seed rows. */
async function routeRequest(file: string, method: string, entry: RouteEntry, principal: RoutePrincipal) {
  const { path: pathname, params } = fillSegments(`/${path.dirname(file)}`, segmentValues());
  const credentials = who.credentials[principal === "cross-site" ? "admin" : principal];
  const headers: Record<string, string> = { ...entry.headers, ...credentialHeaders(credentials) };
  if (principal === "cross-site") headers.origin = "http://evil.test";
  else if (!SAFE.has(method)) headers.origin = origin;
  let body: string | undefined;
  if (entry.raw) {
    headers["content-type"] = entry.raw.type;
    body = entry.raw.text;
  } else if (entry.body) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(await entry.body());
  }
  const req = new Request(`${origin}${pathname}${entry.query ?? ""}`, { method, headers, body });
  return { req, ctx: { params: Promise.resolve(params) } };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The database and the content folder (playbook drafts land there). */
function snapshot(): Snapshot {
  const taken = db$.take();
  taken.set("content/", new Map(readdirSync(contentDir).map((file) => [file, file])));
  return taken;
}

// ── Server actions ──────────────────────────────────────────────────────────

interface ActionEntry {
  who: Rule;
  /** The page the action is posted from: where a signed-out caller is sent back to. */
  page: string;
  /** The form a principal posts (most are the same for everyone). */
  form: (principal: Principal) => Record<string, string> | Promise<Record<string, string>>;
  /** The tables an allowed call changes (at least), by who calls. */
  writes?: string[] | ((principal: Principal) => string[]);
  /** Where an allowed call ends up, for actions that redirect. */
  redirects?: string;
  /** The action ends the caller's session: it gets a fresh one of its own. */
  endsSession?: boolean;
}

const ACTION_EXAMPLE = '{ who: "<public|viewer|operator|admin>", page: "/…", form: () => ({ … }), writes: ["…"] }';
const PASSWORD = "matrix-password-1";

/** Who may call each server action. */
const ACTIONS: Record<string, ActionEntry> = {
  "admin/alerts/actions.ts createSourceAction": {
    who: "admin",
    page: "/admin/alerts",
    form: () => ({ kind: "alertmanager", name: next("matrix-source"), secret: "" }),
    writes: ["AlertSource", "AuditEvent"],
  },
  "admin/alerts/actions.ts setTriageAction": {
    who: "admin",
    page: "/admin/alerts",
    form: async () => ({ sourceId: (await f.newAlertSource()).id, triage: "true", hostLabel: "instance" }),
    writes: ["AlertSource", "AuditEvent"],
  },
  "admin/alerts/actions.ts deleteSourceAction": {
    who: "admin",
    page: "/admin/alerts",
    form: async () => ({ sourceId: (await f.newAlertSource()).id }),
    writes: ["AlertSource", "AuditEvent"],
  },
  "admin/alerts/actions.ts createTargetAction": {
    who: "admin",
    page: "/admin/alerts",
    form: () => ({ kind: "webhook", name: next("matrix-target"), url: "http://127.0.0.1:9/hook" }),
    writes: ["NotificationTarget", "AuditEvent"],
  },
  "admin/alerts/actions.ts deleteTargetAction": {
    who: "admin",
    page: "/admin/alerts",
    form: async () => ({ targetId: (await f.newTarget()).id }),
    writes: ["NotificationTarget", "AuditEvent"],
  },
  "admin/users/actions.ts createUserAction": {
    who: "admin",
    page: "/admin/users",
    form: () => ({ name: "Made", email: `${next("made")}@example.com`, password: PASSWORD, role: "admin" }),
    writes: ["User", "Account", "AuditEvent"],
  },
  "admin/users/actions.ts setRoleAction": {
    who: "admin",
    page: "/admin/users",
    form: async () => ({ userId: (await f.newUser()).id, role: "admin" }),
    writes: ["User", "AuditEvent"],
  },
  "admin/users/actions.ts setBannedAction": {
    who: "admin",
    page: "/admin/users",
    form: async () => ({ userId: (await f.newUser()).id, banned: "true" }),
    writes: ["User", "AuditEvent"],
  },
  "account/tokens/actions.ts createTokenAction": {
    who: "viewer",
    page: "/account/tokens",
    form: () => ({ name: next("matrix-token"), cap: "viewer", expiresInDays: "7" }),
    writes: ["Apikey", "AuditEvent"],
  },
  // Each signed-in principal revokes a token of its own; the others try the admin's.
  "account/tokens/actions.ts revokeTokenAction": {
    who: "viewer",
    page: "/account/tokens",
    form: async (principal) => {
      const owner = principal in PRINCIPAL_ROLES ? principal : "admin";
      const made = await createToken(who.users[owner as keyof typeof PRINCIPAL_ROLES], {
        name: next("doomed-token"),
        cap: "viewer",
      });
      if (!made.ok) throw new Error(made.message);
      return { tokenId: made.value.id };
    },
    writes: ["Apikey", "AuditEvent"],
  },
  "hosts/actions.ts addHostAction": {
    who: "admin",
    page: "/hosts",
    form: () => ({ name: next("added") }),
    writes: ["Host", "AuditEvent"],
  },
  "hosts/actions.ts setHostAccessAction": {
    who: "admin",
    page: "/hosts",
    form: async () => ({ hostId: (await f.newHost()).id, minRole: "admin", users: "" }),
    writes: ["Host", "AuditEvent"],
  },
  "admin/users/actions.ts setEditorAction": {
    who: "admin",
    page: "/admin/users",
    form: async () => ({ userId: (await f.newUser("operator")).id, editor: "true" }),
    writes: ["User", "AuditEvent"],
  },
  // Turning it on is always allowed; turning it off needs single sign-on (lib/auth/sso.test.ts).
  "admin/users/actions.ts setPasswordSignInAction": {
    who: "admin",
    page: "/admin/users",
    form: () => ({ on: "true" }),
    writes: ["SignInSetting", "AuditEvent"],
  },
  // The draft is someone else's, so an operator is neither its author nor an editor.
  "drafts/[id]/actions.ts approveDraftAction": {
    who: "editor",
    page: "/drafts",
    form: async () => ({ draftId: (await f.newDraft()).id }),
    writes: ["DraftReview", "AuditEvent"],
  },
  "drafts/[id]/actions.ts rejectDraftAction": {
    who: "editor",
    page: "/drafts",
    form: async () => ({ draftId: (await f.newDraft()).id, reason: "Not yet." }),
    writes: ["PlaybookDraft", "AuditEvent"],
  },
  "drafts/[id]/actions.ts updateDraftAction": {
    who: "editor",
    page: "/drafts",
    form: async () => {
      const draft = await f.newDraft();
      return { draftId: draft.id, mdx: draftMdx("Edited by the matrix"), from: draft.contentHash };
    },
    writes: ["PlaybookDraft", "AuditEvent"],
  },
  "drafts/[id]/actions.ts publishDraftAction": {
    who: "editor",
    page: "/drafts",
    form: async () => ({ draftId: (await f.newDraft()).id }),
    redirects: "/playbooks/",
    writes: ["PlaybookDraft", "AuditEvent", "content/"],
  },
  "drafts/[id]/actions.ts deleteDraftAction": {
    who: "editor",
    page: "/drafts",
    form: async () => ({ draftId: (await f.newDraft()).id }),
    redirects: "/drafts",
    writes: ["PlaybookDraft", "AuditEvent"],
  },
  "hosts/actions.ts revokeHostAction": {
    who: "admin",
    page: "/hosts",
    form: async () => ({ hostId: (await f.newHost()).id }),
    writes: ["Host", "AuditEvent"],
  },
  // Public, but once there is a user it sets nothing up for anyone, even from this machine.
  "setup/actions.ts setupAction": {
    who: "public",
    page: "/setup",
    form: () => ({ name: "Eve", email: `${next("eve")}@example.com`, password: PASSWORD, confirm: PASSWORD }),
    redirects: "/sign-in",
  },
  "../lib/actions/sign-out.ts signOutAction": {
    who: "public",
    page: "/",
    form: () => ({}),
    redirects: "/sign-in",
    endsSession: true,
    writes: (principal) => (expectedVerdict("viewer", principal) === "allowed" ? ["Session", "AuditEvent"] : []),
  },
};

type ActionOutcome =
  | { kind: "returned"; state: unknown }
  | { kind: "redirect"; to: string }
  | { kind: "forbidden" }
  | { kind: "not-found" };

/** The request and form a principal sends; built before the snapshot (it may seed rows or sign in). */
async function actionRequest(entry: ActionEntry, principal: Principal) {
  const credentials = { ...who.credentials[principal] };
  if (entry.endsSession) credentials.cookie = await who.freshCookie(principal);
  const headers = new Headers({
    ...credentialHeaders(credentials),
    origin,
    [REQUEST_PATH_HEADER]: entry.page,
    // Loopback: the address /setup trusts most.
    [REMOTE_ADDR_HEADER]: "127.0.0.1",
  });
  const form = new FormData();
  for (const [key, value] of Object.entries(await entry.form(principal))) form.append(key, value);
  return { headers, form };
}

/** Calls an action as Next would for this request, and reads Next's control-flow throws. */
async function callAction(action: unknown, request: { headers: Headers; form: FormData }): Promise<ActionOutcome> {
  actionHeaders = request.headers;
  try {
    const state = await (action as (prev: unknown, form: FormData) => Promise<unknown>)(null, request.form);
    return { kind: "returned", state };
  } catch (err) {
    const digest = (err as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw err;
    if (digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", to: digest.split(";")[2]! };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return { kind: "forbidden" };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "not-found" };
    throw err;
  }
}

// ── Setup ───────────────────────────────────────────────────────────────────

/** A published playbook in content/, for the playbook routes. */
const MATRIX_PLAYBOOK = "matrix-playbook";

beforeAll(async () => {
  writeFileSync(path.join(contentDir, `${MATRIX_PLAYBOOK}.mdx`), draftMdx("Matrix playbook"));
  who = await createPrincipals();
  const created = await createIncident(incident("Matrix incident"), { authorId: who.users.operator.id });
  const { host } = await createHost("matrix-seeded-host");
  const run = await db.run.create({
    data: { playbookSlug: "matrix-book", contentHash: "0123456789ab", hostId: host.id, inputs: {} },
  });
  const step = await db.stepRun.create({
    data: { runId: run.id, stepId: "look", title: "Look", risk: "read", command: "echo", shell: "bash" },
  });
  const output = "matrix-step-output-7c1e";
  await db.outputChunk.create({ data: { stepRunId: step.id, seq: 0, t: 0, data: Buffer.from(output) } });
  const u = who.users;
  const drafter = await db.user.create({
    data: { id: "matrix-drafter", email: "drafter@example.com", name: "Drafter", role: "operator" },
  });
  f = {
    incidentId: created.id,
    hostName: host.name,
    hostId: host.id,
    runId: run.id,
    stepRunId: step.id,
    output,
    secrets: ["Matrix incident", host.name, output, u.viewer.email, u.operator.email, u.admin.email],
    // A bare row: the actions only need someone to change (and hashing a password per try is slow).
    newUser: (role = "viewer") => {
      const id = next("victim");
      return db.user.create({ data: { id, email: `${id}@example.com`, name: "Vic", role } });
    },
    draftId: "",
    newDraft: () =>
      createDraft({ mdx: draftMdx("Matrix draft"), slug: next("matrix-draft"), source: "upload", author: drafter }),
    newHost: async () => (await createHost(next("doomed"))).host,
    alertSourceId: "",
    alertSecret: "matrix-alert-secret",
    newAlertSource: () =>
      db.alertSource.create({
        data: { kind: "alertmanager", name: next("matrix-source"), secretSealed: sealSecret("s") },
        select: { id: true },
      }),
    newTarget: () =>
      db.notificationTarget.create({
        data: { kind: "slack", name: next("matrix-target"), url: "http://127.0.0.1:9/slack" },
        select: { id: true },
      }),
  };
  f.alertSourceId = (
    await db.alertSource.create({
      data: { kind: "generic", name: "matrix-generic", secretSealed: sealSecret(f.alertSecret) },
      select: { id: true },
    })
  ).id;
  f.draftId = (await f.newDraft()).id;
}, 60_000);

afterAll(async () => {
  db$.close();
  await closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

// ── The matrix ──────────────────────────────────────────────────────────────

const routes = (await routeHandlers()).filter(({ file }) => file !== AUTH_ROUTE);
const actions = await serverActions();

describe("the expectation tables", () => {
  it("have one entry for every route handler and server action, and none for anything else", () => {
    const where = (table: string) => `${table} in app/authorisation-matrix.test.ts`;
    const keys = (found: { key: string }[]) => found.map(({ key }) => key);
    expect([
      ...tableGaps(keys(routes), ROUTES, where("ROUTES"), ROUTE_EXAMPLE),
      ...tableGaps(keys(actions), ACTIONS, where("ACTIONS"), ACTION_EXAMPLE),
    ]).toEqual([]);
  });

  it("agree with the role each entry point is declared with (route() / formAction / buttonAction)", () => {
    const disagree = [
      ...routes.map(({ key, handler }) => [key, routeAccess(handler), ROUTES[key]?.who] as const),
      ...actions.map(({ key, action }) => [key, actionAccess(action), ACTIONS[key]?.who] as const),
    ]
      .filter(([, declared, listed]) => listed !== undefined && declared !== declaredRole(listed))
      .map(([key, declared, listed]) => `${key}: declared "${declared}", the matrix says "${listed}"`);
    expect(disagree).toEqual([]);
  });
});

describe("route handlers", () => {
  it.each(routes.filter(({ key }) => key in ROUTES))("$key", async ({ key, file, method, handler }) => {
    const entry = ROUTES[key]!;
    const wrong: string[] = [];
    for (const principal of ROUTE_PRINCIPALS) {
      const verdict = routeVerdict(entry, principal, method);
      const { req, ctx } = await routeRequest(file, method, entry, principal);
      const before = snapshot();
      const res = await (handler as Handler)(req, ctx);
      const text = `${res.status} ${await res.text()}`;
      const changed = changes(before, snapshot());
      const reachedHub = entry.hub === true && res.status === 503 && text.includes("run hub is not running");
      const got = { ok: res.ok || reachedHub, refusal: REFUSALS[res.status] ?? null, text, changed };
      const want = { verdict, writes: entry.writes ?? [], shows: entry.shows?.(), secrets: f.secrets };
      wrong.push(...judgeTry(`${key} as ${principal}`, want, got));
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});

describe("server actions", () => {
  it.each(actions.filter(({ key }) => key in ACTIONS))("$key", async ({ key, action }) => {
    const entry = ACTIONS[key]!;
    const wrong: string[] = [];
    for (const principal of PRINCIPALS) {
      const verdict = expectedVerdict(entry.who, principal);
      const request = await actionRequest(entry, principal);
      const before = snapshot();
      const outcome = await callAction(action, request);
      const changed = changes(before, snapshot());
      const text = JSON.stringify(outcome);
      const signIn =
        outcome.kind === "redirect" && outcome.to.startsWith(`/sign-in?next=${encodeURIComponent(entry.page)}`);
      const ok = entry.redirects
        ? outcome.kind === "redirect" && outcome.to.startsWith(entry.redirects)
        : outcome.kind === "returned" && (outcome.state as { ok?: unknown } | null)?.ok === true;
      // The editor permission is checked inside an operator's action: its refusal is the form's message.
      const refusedInForm =
        entry.who === "editor" && outcome.kind === "returned" && (outcome.state as { ok?: unknown }).ok === false;
      const refusal = signIn ? "sign-in" : outcome.kind === "forbidden" || refusedInForm ? "forbidden" : null;
      const writes = typeof entry.writes === "function" ? entry.writes(principal) : (entry.writes ?? []);
      const want = { verdict, writes, secrets: f.secrets };
      wrong.push(...judgeTry(`${key} as ${principal}`, want, { ok, refusal, text, changed }));
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});
