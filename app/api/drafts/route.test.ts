// The drafts API through the real route handlers, with real sessions, database and content folder:
// an upload becomes a draft and nothing else; publishing is for editors, answers at once with a
// served playbook, and refuses a stale replace with 409 and the reason.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";
import { signedInCookie } from "@/testing/signed-in";

const tempDb = createTempDatabase("casebook-drafts-api-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-drafts-api-content-"));
process.env.CONTENT_DIR = contentDir;

const { db } = await import("@/lib/db/client");
const { serverBaseUrl } = await import("@/lib/auth/origins");
const { getPlaybook, closeContentIndex } = await import("@/lib/playbooks/content-index");
const { contentHash } = await import("@/lib/playbooks/content-hash");
const { readImportReport } = await import("@/lib/import/import-report-schema");
const { POST: upload } = await import("./route");
const { POST: publish } = await import("./[id]/publish/route");

const origin = serverBaseUrl();
const cookies = { operator: "", admin: "", viewer: "" };

beforeAll(async () => {
  cookies.operator = await signedInCookie({ email: "o@example.com", name: "Otto", role: "operator" }, "198.51.100.21");
  cookies.admin = await signedInCookie({ email: "a@example.com", name: "Ada", role: "admin" }, "198.51.100.22");
  cookies.viewer = await signedInCookie({ email: "v@example.com", name: "Vera", role: "viewer" }, "198.51.100.23");
});

afterAll(async () => {
  closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

const MDX = (title: string) => `---
title: ${title}
summary: Uploaded for review.
---

<Step id="look" title="Look" risk="change">
\`\`\`bash
echo uploaded
\`\`\`
</Step>
`;

function uploadFile(name: string, text: string, as: keyof typeof cookies = "operator", query = "") {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/plain" }));
  return upload(
    new Request(`${origin}/api/drafts${query}`, {
      method: "POST",
      headers: { cookie: cookies[as], origin },
      body: form,
    }),
  );
}

const publishAs = (id: string, as: keyof typeof cookies) =>
  publish(
    new Request(`${origin}/api/drafts/${id}/publish`, { method: "POST", headers: { cookie: cookies[as], origin } }),
    {
      params: Promise.resolve({ id }),
    },
  );

const json = async (res: Response) =>
  (await res.json()) as { error?: string; id?: string; href?: string; slug?: string };

describe("POST /api/drafts", () => {
  it("stores an uploaded playbook as a draft, under its file name, and nothing in content/", async () => {
    const res = await uploadFile("uploaded-one.mdx", MDX("Uploaded one"));
    const body = await json(res);
    expect(res.status, body.error).toBe(201);
    expect(body).toMatchObject({ slug: "uploaded-one", href: `/drafts/${body.id}` });
    expect(await db.playbookDraft.findUnique({ where: { id: body.id } })).toMatchObject({
      source: "upload",
      sourceRef: "uploaded-one.mdx",
      status: "open",
    });
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("imports a troubleshooting guide into a draft", async () => {
    const guide = readFileSync(path.resolve("lib/import/fixtures/kubernetes-pods.md"), "utf8");
    const res = await uploadFile("TROUBLESHOOTING.md", guide, "operator", "?slug=k8s-pods");
    const body = await json(res);
    expect(res.status, body.error).toBe(201);
    const row = await db.playbookDraft.findUnique({ where: { id: body.id } });
    expect(row).toMatchObject({ slug: "k8s-pods", source: "import" });
    // The import report is kept with the draft, under the slug it was saved as.
    expect(readImportReport(row?.importReport)).toMatchObject({ file: "TROUBLESHOOTING.md", slug: "k8s-pods" });
  });

  it("keeps no import report for a playbook uploaded as written", async () => {
    const { id } = await json(await uploadFile("no-report.mdx", MDX("No report")));
    expect((await db.playbookDraft.findUnique({ where: { id } }))?.importReport).toBeNull();
  });

  it("previews an import with dryRun=1: 200 with the MDX and the report, and nothing saved", async () => {
    const guide = readFileSync(path.resolve("lib/import/fixtures/webapp-systemd-nginx.md"), "utf8");
    const before = { drafts: await db.playbookDraft.count(), audit: await db.auditEvent.count() };
    const res = await uploadFile("webapp.md", guide, "operator", "?dryRun=1&slug=webapp-preview");
    const body = (await res.json()) as { slug: string; title: string; mdx: string; report: unknown; error?: string };
    expect(res.status, body.error).toBe(200);
    expect(body.slug).toBe("webapp-preview");
    expect(body.title).not.toBe("");
    expect(body.mdx).toMatch(/^---\ntitle: /);
    expect(body.mdx).toContain("<Step ");
    expect(readImportReport(body.report)).toMatchObject({ file: "webapp.md", slug: "webapp-preview" });
    expect({ drafts: await db.playbookDraft.count(), audit: await db.auditEvent.count() }).toEqual(before);
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("answers a dry run with the upload's own refusals, and a playbook's with no report", async () => {
    const broken = await uploadFile(
      "broken.mdx",
      MDX("B").replace('id="look"', 'id="look" onPass="nowhere"'),
      "operator",
      "?dryRun=1",
    );
    expect(broken.status).toBe(400);
    expect((await json(broken)).error).toMatch(/content\/broken\.mdx:\d+:\d+: .*"nowhere"/);
    const playbook = await uploadFile("as-written.mdx", MDX("As written"), "operator", "?dryRun=1");
    expect(playbook.status).toBe(200);
    expect(await playbook.json()).toMatchObject({ slug: "as-written", title: "As written", report: null });
    expect((await uploadFile("x.md", "# X", "operator", "?dryRun=maybe")).status).toBe(400);
  });

  it("refuses a broken playbook (file:line), another kind of file and an empty one; saves nothing", async () => {
    const before = await db.playbookDraft.count();
    const broken = await uploadFile("broken.mdx", MDX("Broken").replace('id="look"', 'id="look" onPass="nowhere"'));
    expect(broken.status).toBe(400);
    expect((await json(broken)).error).toMatch(/content\/broken\.mdx:\d+:\d+: .*"nowhere"/);
    const other = await uploadFile("notes.pdf", "%PDF-1.4");
    expect(other.status).toBe(400);
    expect((await json(other)).error).toMatch(/upload a playbook \(\.mdx\) or a troubleshooting guide \(\.md\)/);
    expect((await uploadFile("empty.mdx", "  ")).status).toBe(400);
    expect((await uploadFile("bad-version.mdx", MDX("V"), "operator", "?replaces=nothex")).status).toBe(400);
    expect(await db.playbookDraft.count()).toBe(before);
  });

  it("is for operators: a viewer gets 403, for a dry run too", async () => {
    const before = await db.playbookDraft.count();
    expect((await uploadFile("from-viewer.mdx", MDX("Viewer"), "viewer")).status).toBe(403);
    const guide = "# Disk full\n\n```bash\ndf -h\n```\n";
    const dry = await uploadFile("from-viewer.md", guide, "viewer", "?dryRun=1");
    expect(dry.status).toBe(403);
    expect(JSON.stringify(await dry.json())).not.toContain("df -h");
    expect(await db.playbookDraft.count()).toBe(before);
  });
});

describe("POST /api/drafts/:id/publish", () => {
  it("refuses an operator without the editor permission, with the reason", async () => {
    const { id } = await json(await uploadFile("not-mine-to-publish.mdx", MDX("Not mine")));
    const res = await publishAs(id!, "operator");
    expect(res.status).toBe(403);
    expect((await json(res)).error).toMatch(/needs the editor permission/);
    expect(readdirSync(contentDir)).not.toContain("not-mine-to-publish.mdx");
  });

  it("publishes for an editor, and the playbook is served at once; a second publish is 409", async () => {
    const { id } = await json(await uploadFile("published-now.mdx", MDX("Published now")));
    const res = await publishAs(id!, "admin");
    const body = await json(res);
    expect(res.status, body.error).toBe(201);
    expect(body).toMatchObject({ slug: "published-now", href: "/playbooks/published-now" });
    expect((await getPlaybook("published-now"))?.title).toBe("Published now");
    const again = await publishAs(id!, "admin");
    expect(again.status).toBe(409);
    expect((await json(again)).error).toBe("This draft is published already.");
  });

  it("refuses a stale replace with 409 and the reason, and leaves the file alone", async () => {
    const file = path.join(contentDir, "published-now.mdx");
    const base = readFileSync(file, "utf8");
    const res = await uploadFile("published-now.mdx", MDX("Mine"), "operator", `?replaces=${contentHash(base)}`);
    const { id } = await json(res);
    expect(res.status).toBe(201);
    writeFileSync(file, MDX("Theirs"));
    const stale = await publishAs(id!, "admin");
    expect(stale.status).toBe(409);
    expect((await json(stale)).error).toMatch(/changed since this draft was made: it replaces version [0-9a-f]{12}/);
    expect(readFileSync(file, "utf8")).toBe(MDX("Theirs"));
  });

  it("answers 404 for a draft that does not exist", async () => {
    expect((await publishAs("nope", "admin")).status).toBe(404);
  });
});
