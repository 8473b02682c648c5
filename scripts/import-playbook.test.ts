// one-database: SQLite. It spawns the importer a dozen times; the draft store it writes through
// runs on both databases in lib/drafts/drafts.test.ts.
// `npm run import:playbook` as a person runs it: it never writes into content/ (drafts wait for
// review), --draft stores the draft in the database under its author with its import report, and
// a batch (folders, globs, files) imports each file on its own and ends with one summary table.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-import-cli-");
process.env.DATABASE_URL = tempDb.url;
const { db } = await import("@/lib/db/client");
const { readImportReport } = await import("@/lib/import/import-report-schema");

const ROOT = path.resolve(import.meta.dirname, "..");
const GUIDE = "lib/import/fixtures/webapp-systemd-nginx.md";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-import-cli-content-"));
const work = mkdtempSync(path.join(tmpdir(), "casebook-import-cli-work-"));
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
  rmSync(work, { recursive: true, force: true });
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
    // The report is printed, and kept with the draft under the file's name (not a path on this machine).
    expect(result.stderr).toMatch(/^lib\/import\/fixtures\/webapp-systemd-nginx\.md → webapp-nginx "/m);
    expect(result.stderr).toMatch(/^ {2}Steps made \(\d+\)$/m);
    expect(readImportReport(drafts[0]?.importReport)).toMatchObject({
      file: "webapp-systemd-nginx.md",
      slug: "webapp-nginx",
    });
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("refuses an author who is not an operator, and one who does not exist", async () => {
    // Three refusals that write nothing: run side by side.
    const [viewer, nobody, noAuthor] = await Promise.all([
      run([GUIDE, "--draft", "--author", "vera@example.com"]),
      run([GUIDE, "--draft", "--author", "nobody@example.com"]),
      run([GUIDE, "--draft"]),
    ]);
    expect(viewer.stderr).toMatch(/needs the operator role/);
    expect(nobody.stderr).toMatch(/no user nobody@example/);
    expect(noAuthor.code).toBe(2);
  });
});

describe("scripts/import-playbook.ts on many files", () => {
  const FIXTURES = "lib/import/fixtures";
  // docs/ holds both fixtures, one of them twice (same title, so the same slug) and a file that is not Markdown.
  const docs = path.join(work, "docs");
  mkdirSync(path.join(docs, "nested"), { recursive: true });
  copyFileSync(path.join(FIXTURES, "kubernetes-pods.md"), path.join(docs, "kubernetes-pods.md"));
  copyFileSync(path.join(FIXTURES, "kubernetes-pods.md"), path.join(docs, "nested", "pods-again.markdown"));
  writeFileSync(path.join(docs, "nested", "notes.txt"), "not a guide");
  const out = path.join(work, "out");
  const tableRows = (stdout: string) => stdout.split("\n").filter((l) => / (ok|failed)$/.test(l));

  it("imports a folder, a glob and a file into --out DIR, with unique slugs; a bad file is a failed row", async () => {
    const missing = path.join(work, "missing.md");
    const result = await run([docs, `${FIXTURES}/webapp-*.md`, missing, path.join(work, "none-*.md"), "--out", out]);
    expect(result.code, result.stderr).toBe(1);
    expect(readdirSync(out).sort()).toEqual([
      "kubernetes-deployment-troubleshooting-2.mdx",
      "kubernetes-deployment-troubleshooting.mdx",
      "webapp-systemd-nginx-troubleshooting.mdx",
    ]);
    const rows = tableRows(result.stdout);
    expect(rows).toHaveLength(5);
    expect(result.stdout).toMatch(/^FILE +SLUG +TITLE +STEPS r\/c\/d +SYMPTOMS +INPUTS +NOTES +STATUS$/m);
    expect(rows.filter((r) => r.endsWith(" ok"))).toHaveLength(3);
    expect(result.stdout).toContain("5 files: 3 ok, 2 failed;");
    expect(result.stdout).toContain(`${missing}: cannot read (ENOENT)`);
    expect(result.stdout).toContain(`${path.join(work, "none-*.md")}: names no Markdown file`);
    expect(Math.max(...result.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
    // Each imported file's report went to stderr, led by its path; the table did not.
    expect(result.stderr).toMatch(new RegExp(`^${path.join(docs, "nested", "pods-again\\.markdown")} →\\s`, "m"));
    expect(result.stderr).toContain("kubernetes-deployment-troubleshooting-2 ");
    expect(result.stderr).not.toContain("STATUS");
  });

  it("never overwrites without --force, and --quiet prints the table only", async () => {
    const before = readFileSync(path.join(out, "webapp-systemd-nginx-troubleshooting.mdx"), "utf8");
    writeFileSync(path.join(out, "webapp-systemd-nginx-troubleshooting.mdx"), "edited by hand");
    const again = await run([docs, path.join(FIXTURES, "webapp-systemd-nginx.md"), "--out", out, "--quiet"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("");
    expect(again.stdout.replace(/\s+/g, " ")).toContain(
      `${path.join(out, "webapp-systemd-nginx-troubleshooting.mdx")} already exists; pass --force`,
    );
    expect(readFileSync(path.join(out, "webapp-systemd-nginx-troubleshooting.mdx"), "utf8")).toBe("edited by hand");
    const forced = await run([docs, path.join(FIXTURES, "webapp-systemd-nginx.md"), "--out", out, "--force", "-q"]);
    expect(forced.code).toBe(2);
    const ok = await run([docs, path.join(FIXTURES, "webapp-systemd-nginx.md"), "--out", out, "--force", "--quiet"]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(readFileSync(path.join(out, "webapp-systemd-nginx-troubleshooting.mdx"), "utf8")).toBe(before);
  });

  it("stores each file as a draft with --draft --author, each with its report; --slug is for one file", async () => {
    const before = await db.playbookDraft.count();
    const result = await run([docs, "--draft", "--author", "otto@example.com", "--quiet"]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/kubernetes-pods\.md: saved as a draft for review:\s+\/drafts\/\S+/);
    const drafts = await db.playbookDraft.findMany({ orderBy: { createdAt: "asc" }, skip: before });
    expect(drafts.map((d) => d.slug)).toEqual([
      "kubernetes-deployment-troubleshooting",
      "kubernetes-deployment-troubleshooting-2",
    ]);
    expect(drafts.map((d) => readImportReport(d.importReport)?.file)).toEqual([
      "kubernetes-pods.md",
      "pods-again.markdown",
    ]);
    expect((await run([docs, "--slug", "one", "--out", out])).code).toBe(2);
    expect(readdirSync(contentDir)).toEqual([]);
  });
});
