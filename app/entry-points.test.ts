// Every route handler is declared with route(), every server action with lib/actions and every page
// calls requireUser(), so none can skip the session and role check by accident. The public ones are
// listed here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL = "file:/nonexistent-casebook-dir/casebook.db";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const { routeAccess } = await import("@/lib/http/route");
const { actionAccess } = await import("@/lib/actions/action-client");

const appDir = import.meta.dirname;
const files = (name: string) =>
  readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .sort();

async function exportsOf(file: string): Promise<Record<string, unknown>> {
  return (await import(path.join(appDir, file))) as Record<string, unknown>;
}

describe("route handlers", () => {
  const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
  // better-auth's own endpoints do their own session and origin checks.
  const routes = files("route.ts").filter((file) => file !== "api/auth/[...all]/route.ts");
  const PUBLIC = ["api/health/route.ts GET"];

  it("are found", () => expect(routes.length).toBeGreaterThanOrEqual(9));

  it.each(routes)("%s declares each handler with route()", async (file) => {
    const mod = await exportsOf(file);
    const handlers = METHODS.filter((method) => method in mod);
    expect(handlers.length).toBeGreaterThan(0);
    for (const method of handlers) {
      const access = routeAccess(mod[method]);
      expect(access, `${file} ${method}`).toBeDefined();
      expect(access === "public", `${file} ${method} is public`).toBe(PUBLIC.includes(`${file} ${method}`));
    }
  });
});

describe("server actions", () => {
  // A page's actions sit beside it in actions.ts; shared ones are "use server" modules in lib/actions.
  const sharedDir = path.join(appDir, "../lib/actions");
  const shared = readdirSync(sharedDir)
    .filter((file) => readFileSync(path.join(sharedDir, file), "utf8").startsWith('"use server"'))
    .map((file) => `../lib/actions/${file}`);
  const actionFiles = [...files("actions.ts"), ...shared];
  // Nobody can be signed in before the first admin exists, and signing out needs no session.
  const PUBLIC = ["setup/actions.ts setupAction", "../lib/actions/sign-out.ts signOutAction"];

  it("are found", () => expect(actionFiles.length).toBeGreaterThanOrEqual(4));

  it.each(actionFiles)("%s declares each action with formAction or buttonAction", async (file) => {
    const actions = Object.entries(await exportsOf(file)).filter(([, value]) => typeof value === "function");
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      const access = actionAccess(action);
      expect(access, `${file} ${name}`).toBeDefined();
      expect(access === "public", `${file} ${name} is public`).toBe(PUBLIC.includes(`${file} ${name}`));
    }
  });
});

describe("pages", () => {
  // The proxy turns away a request without a session cookie; only requireUser() checks the session.
  const pages = files("page.tsx");
  const PUBLIC = ["setup/page.tsx", "sign-in/page.tsx"];

  it("are found", () => expect(pages.length).toBeGreaterThanOrEqual(10));

  it.each(pages)("%s calls requireUser() unless it is public", (file) => {
    const source = readFileSync(path.join(appDir, file), "utf8");
    expect(/\brequireUser\(/.test(source), file).toBe(!PUBLIC.includes(file));
  });
});
