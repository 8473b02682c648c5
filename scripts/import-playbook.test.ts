// `npm run import:playbook` as a person runs it: it never writes into content/ (drafts wait for
// review), and --draft stores the draft in the database under its author.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-import-cli-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");

const ROOT = path.resolve(import.meta.dirname, "..");
const GUIDE = "lib/import/fixtures/webapp-systemd-nginx.md";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-import-cli-content-"));
const run = (args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--import", "./server/server-only-hook.mjs", "scripts/import-playbook.ts", ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: tempDb.url, CONTENT_DIR: contentDir } },
  ).then(
    (r) => ({ code: 0, stderr: r.stderr, stdout: r.stdout }),
    (e: { code: number; stderr: string; stdout: string }) => ({ code: e.code, stderr: e.stderr, stdout: e.stdout }),
  );

beforeAll(async () => {
  await db.user.create({ data: { id: "u-o", name: "Otto", email: "otto@example.com", role: "operator" } });
  await db.user.create({ data: { id: "u-v", name: "Vera", email: "vera@example.com", role: "viewer" } });
});

afterAll(async () => {
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

describe("scripts/import-playbook.ts", () => {
  it("refuses to write into content/, which holds reviewed playbooks only", async () => {
    const result = await run([GUIDE, "--out", path.join(contentDir, "webapp.mdx")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/holds reviewed playbooks only: save the draft for review with --draft --author/);
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("saves a draft for review with --draft --author, under that operator", async () => {
    const result = await run([GUIDE, "--draft", "--author", "otto@example.com", "--slug", "webapp-nginx"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/saved as a draft for review: \/drafts\/\S+/);
    const drafts = await db.playbookDraft.findMany();
    expect(drafts).toMatchObject([{ slug: "webapp-nginx", authorId: "u-o", source: "import", status: "open" }]);
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("refuses an author who is not an operator, and one who does not exist", async () => {
    expect((await run([GUIDE, "--draft", "--author", "vera@example.com"])).stderr).toMatch(/needs the operator role/);
    expect((await run([GUIDE, "--draft", "--author", "nobody@example.com"])).stderr).toMatch(/no user nobody@example/);
    expect((await run([GUIDE, "--draft"])).code).toBe(2);
  });
});
