// Every route handler is declared with route(), every server action with lib/actions and every page
// calls requireUser(), so none can skip the session and role check by accident. The public ones are
// listed here; who may use each one is the authorisation matrix's (app/authorisation-matrix.test.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  actionFiles,
  APP_DIR,
  AUTH_ROUTE,
  pageFiles,
  routeFiles,
  routeHandlers,
  serverActions,
} from "@/testing/entry-points";

process.env.DATABASE_URL = "file:/nonexistent-casebook-dir/casebook.db";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const { routeAccess } = await import("@/lib/http/route");
const { actionAccess } = await import("@/lib/actions/action-client");

describe("route handlers", () => {
  // better-auth's own endpoints do their own session and origin checks.
  const routes = routeFiles().filter((file) => file !== AUTH_ROUTE);
  // The alert webhook is public to route() and proven by its source's secret (lib/alerts/verify-request.ts).
  const PUBLIC = [
    "api/alerts/[sourceId]/route.ts POST",
    "api/health/route.ts GET",
    "healthz/route.ts GET",
    "metrics/route.ts GET",
    "readyz/route.ts GET",
  ];

  it("are found", () => expect(routes.length).toBeGreaterThanOrEqual(9));

  it.each(routes)("%s declares each handler with route()", async (file) => {
    const handlers = await routeHandlers([file]);
    expect(handlers.length).toBeGreaterThan(0);
    for (const { key, handler } of handlers) {
      const access = routeAccess(handler);
      expect(access, key).toBeDefined();
      expect(access === "public", `${key} is public`).toBe(PUBLIC.includes(key));
    }
  });
});

describe("server actions", () => {
  // Nobody can be signed in before the first admin exists, and signing out needs no session.
  const PUBLIC = ["setup/actions.ts setupAction", "../lib/actions/sign-out.ts signOutAction"];

  it("are found", () => expect(actionFiles().length).toBeGreaterThanOrEqual(4));

  it.each(actionFiles())("%s declares each action with formAction or buttonAction", async (file) => {
    const actions = await serverActions([file]);
    expect(actions.length).toBeGreaterThan(0);
    for (const { key, action } of actions) {
      const access = actionAccess(action);
      expect(access, key).toBeDefined();
      expect(access === "public", `${key} is public`).toBe(PUBLIC.includes(key));
    }
  });
});

describe("pages", () => {
  // The proxy turns away a request without a session cookie; only requireUser() checks the session.
  const pages = pageFiles();
  const PUBLIC = ["setup/page.tsx", "sign-in/page.tsx"];

  it("are found", () => expect(pages.length).toBeGreaterThanOrEqual(10));

  it.each(pages)("%s calls requireUser() unless it is public", (file) => {
    const source = readFileSync(path.join(APP_DIR, file), "utf8");
    expect(/\brequireUser\(/.test(source), file).toBe(!PUBLIC.includes(file));
  });

  // Next renders a page's metadata alongside the page, whose requireUser() has not stopped it yet:
  // a title read from the database or the content would reach a visitor with a stale or forged
  // session cookie. Metadata made from the URL alone (a tag, a search query) needs no check.
  it.each(pages.filter((file) => !PUBLIC.includes(file)))("%s checks the user before metadata it reads", (file) => {
    const source = readFileSync(path.join(APP_DIR, file), "utf8");
    const metadata = /export async function generateMetadata\b[^]*?\n}\n/.exec(source)?.[0] ?? "";
    const reads = [...metadata.matchAll(/\bawait\s+([\w.]+)/g)]
      .map((match) => match[1])
      .filter((awaited) => !["params", "searchParams", "requireUser"].includes(awaited!));
    if (reads.length) expect(/\brequireUser\(/.test(metadata), `${file} generateMetadata reads ${reads}`).toBe(true);
  });
});
