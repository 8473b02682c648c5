// Every route handler is declared with route(), so none can skip the session and role check by
// accident; the only public ones are listed here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL = "file:/nonexistent-casebook-dir/casebook.db";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const { routeAccess } = await import("@/lib/http/route");

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
// better-auth's own endpoints do their own session and origin checks.
const NOT_OURS = ["auth/[...all]/route.ts"];
const PUBLIC = ["health/route.ts GET"];

const apiDir = import.meta.dirname;
const routeFiles = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts" && !NOT_OURS.includes(file))
  .sort();

describe("app/api route handlers", () => {
  it("are found", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(routeFiles)("%s declares every handler with route()", async (file) => {
    const mod = (await import(path.join(apiDir, file))) as Record<string, unknown>;
    const handlers = METHODS.filter((method) => method in mod);
    expect(handlers.length).toBeGreaterThan(0);
    for (const method of handlers) {
      const access = routeAccess(mod[method]);
      expect(access, `${file} ${method}`).toBeDefined();
      expect(access === "public", `${file} ${method} is public`).toBe(PUBLIC.includes(`${file} ${method}`));
    }
  });
});
