// Drafts against a real, migrated SQLite file and a real content folder: a draft lives in the
// database until an editor publishes it; publishing writes content/, is served and found at once,
// and is audited; a stale replace and a lone author of a change draft are refused.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { refuseWrites } from "@/testing/refuse-writes";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-drafts-");
process.env.DATABASE_URL = tempDb.url;
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-drafts-content-"));
process.env.CONTENT_DIR = contentDir;
// A published playbook to replace; its steps declare change, so no classifier finds them under-declared.
const SEED = "ray-cluster-orbstack-vm";

const { db } = await import("@/lib/db/client");
const { createDraft } = await import("./create-draft");
const { publishDraft } = await import("./publish-draft");
const { approveDraft, rejectDraft } = await import("./review-draft");
const { deleteDraft } = await import("./delete-draft");
const { updateDraft } = await import("./update-draft");
const { getDraft } = await import("./get-draft");
const { DraftError } = await import("./draft-error");
const { saveGeneratedDraft } = await import("@/lib/import/save-draft");
const { incidentToPlaybookDraft } = await import("@/lib/incidents/draft-playbook");
const { importIncidentMarkdown } = await import("@/lib/incidents/markdown/import-markdown");
const { getContentIndex, getPlaybook, closeContentIndex } = await import("@/lib/playbooks/content-index");
const { searchPlaybooks, closeSearchIndex } = await import("@/lib/search");
const { contentHash } = await import("@/lib/playbooks/content-hash");
const { countPublishers, reviewUser } = await import("@/lib/auth/editor");
const { setEditor } = await import("@/lib/auth/user-admin");

const ADMIN = { id: "u-admin", name: "Ada Admin", email: "ada@example.com", role: "admin" as const };
const AUTHOR = { id: "u-otto", name: "Otto Operator", email: "otto@example.com", role: "operator" as const };
const EDITOR = { id: "u-eddie", name: "Eddie Editor", email: "eddie@example.com", role: "operator" as const };

beforeAll(async () => {
  writeFileSync(path.join(contentDir, `${SEED}.mdx`), playbookMdx("Ray in an OrbStack VM"));
  for (const user of [ADMIN, AUTHOR, EDITOR]) await db.user.create({ data: user });
  // Built before any draft exists, as on a running server.
  await getContentIndex();
});

afterAll(async () => {
  closeSearchIndex();
  closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

afterEach(() => {
  delete process.env.CASEBOOK_TWO_PERSON_REVIEW;
});

let counter = 0;
/** A valid playbook with a phrase no other text has, and one declared change step. */
function playbookMdx(title: string, phrase = `zebra${++counter}quokka`): string {
  return `---
title: ${title}
summary: Checks for ${phrase}.
---

## Look

<Step id="look" title="Look around" risk="change">
\`\`\`bash
echo ${phrase}
\`\`\`
</Step>
`;
}

const audits = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { seq: "asc" } });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(DraftError);
      return err as InstanceType<typeof DraftError>;
    },
  );

describe("a draft", () => {
  it("drafted from an incident lives in the database: not in content/, the content index or search", async () => {
    const seed = readFileSync(path.resolve("content/incidents/arc-job-containers-nixery.md"), "utf8");
    const { draft } = await incidentToPlaybookDraft({ ...importIncidentMarkdown(seed), id: "inc-1" });
    const before = readdirSync(contentDir).sort();
    const saved = await saveGeneratedDraft(draft, { source: "incident", sourceRef: "inc-1", author: AUTHOR });

    expect(readdirSync(contentDir).sort()).toEqual(before);
    expect(await getPlaybook(saved.slug)).toBeUndefined();
    expect((await getContentIndex()).playbooks.has(saved.slug)).toBe(false);
    const row = await db.playbookDraft.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ slug: saved.slug, status: "open", authorId: AUTHOR.id, source: "incident" });
    expect(row.title).toBe(draft.title);
    const [event] = (await audits("draft.create")).slice(-1);
    expect(event).toMatchObject({ userId: AUTHOR.id, playbook: `${saved.slug}@${contentHash(row.mdx)}` });
  });

  it("is not found by search, even for a phrase only it contains", async () => {
    const phrase = "xylophonedraftonly";
    await createDraft({
      mdx: playbookMdx("Unsearchable", phrase),
      slug: "unsearchable",
      source: "upload",
      author: AUTHOR,
    });
    expect(await searchPlaybooks(phrase)).toEqual([]);
    expect(await getPlaybook("unsearchable")).toBeUndefined();
  });

  it("generated from a guide declares at least the classifier's risk for every step", async () => {
    const { classifyCommand } = await import("@/lib/playbooks/risk-classifier");
    const { RISKS } = await import("@/lib/playbooks/format");
    const { parsePlaybook } = await import("@/lib/playbooks/parse-playbook");
    const seed = readFileSync(path.resolve("content/incidents/ray-actors-pending-creation-podman.md"), "utf8");
    const { draft } = await incidentToPlaybookDraft(importIncidentMarkdown(seed));
    const saved = await saveGeneratedDraft(draft, { slug: "classified", source: "incident", author: AUTHOR });
    const { mdx } = await db.playbookDraft.findUniqueOrThrow({ where: { id: saved.id } });
    const steps = parsePlaybook("content/classified.mdx", mdx).playbook!.steps;
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const found = (await classifyCommand(step.code)).risk;
      expect(RISKS.indexOf(step.risk), step.id).toBeGreaterThanOrEqual(RISKS.indexOf(found));
    }
  });

  it("that fails the format check, or has a bad slug, is refused with the reason and nothing is saved", async () => {
    const drafts = await db.playbookDraft.count();
    const events = await db.auditEvent.count();
    const broken = playbookMdx("Broken").replace('id="look"', 'id="look" onFail="nowhere"');
    const err = await failure(createDraft({ mdx: broken, slug: "broken-one", source: "upload", author: AUTHOR }));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/content\/broken-one\.mdx:\d+:\d+: .*onFail names unknown step "nowhere"/);
    const slug = await failure(
      createDraft({ mdx: playbookMdx("X"), slug: "Bad Slug", source: "upload", author: AUTHOR }),
    );
    expect(slug.status).toBe(400);
    expect(slug.message).toMatch(/not a valid playbook slug/);
    expect(await db.playbookDraft.count()).toBe(drafts);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("over a published playbook must name the version it replaces", async () => {
    const published = contentHash(readFileSync(path.join(contentDir, `${SEED}.mdx`)));
    const mdx = playbookMdx("Orbstack again");
    const missing = await failure(createDraft({ mdx, slug: SEED, source: "upload", author: AUTHOR }));
    expect(missing.status).toBe(409);
    expect(missing.message).toContain(`content/${SEED}.mdx is published (version ${published})`);
    const wrong = await failure(
      createDraft({ mdx, slug: SEED, source: "upload", author: AUTHOR, replaces: "0".repeat(12) }),
    );
    expect(wrong.status).toBe(409);
    expect(wrong.message).toContain(`is at version ${published}`);
    const nothing = await failure(
      createDraft({ mdx, slug: "nothing-here", source: "upload", author: AUTHOR, replaces: published }),
    );
    expect(nothing.status).toBe(409);
    const ok = await createDraft({ mdx, slug: SEED, source: "upload", author: AUTHOR, replaces: published });
    expect((await getDraft(ok.id))?.replacesContentHash).toBe(published);
  });
});

describe("the editor permission", () => {
  it("is granted to an operator by an admin, audited, and counted among those who can publish", async () => {
    expect(await countPublishers()).toBe(1);
    expect((await reviewUser(EDITOR)).editor).toBe(false);
    const result = await setEditor(ADMIN, { userId: EDITOR.id, editor: true });
    expect(result.ok).toBe(true);
    expect((await reviewUser(EDITOR)).editor).toBe(true);
    expect(await countPublishers()).toBe(2);
    const [event] = (await audits("user.editor")).slice(-1);
    expect(event?.userId).toBe(ADMIN.id);
    expect(JSON.parse(event!.detail!)).toMatchObject({ target: EDITOR.id, editor: true });
  });

  it("cannot be granted to a viewer, nor by anyone but an admin", async () => {
    const viewer = await db.user.create({ data: { id: "u-vera", name: "Vera", email: "vera@example.com" } });
    expect(await setEditor(ADMIN, { userId: viewer.id, editor: true })).toMatchObject({ ok: false });
    expect(await setEditor(AUTHOR, { userId: AUTHOR.id, editor: true })).toMatchObject({ ok: false });
    expect((await reviewUser(AUTHOR)).editor).toBe(false);
  });

  it("is what publishing needs: an operator without it is refused and nothing is written", async () => {
    const { id } = await createDraft({
      mdx: playbookMdx("Not yours"),
      slug: "not-yours",
      source: "upload",
      author: AUTHOR,
    });
    const err = await failure(publishDraft({ draftId: id, user: AUTHOR }));
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/needs the editor permission/);
    expect(readdirSync(contentDir)).not.toContain("not-yours.mdx");
    expect((await getDraft(id))?.status).toBe("open");
  });
});

describe("publishing", () => {
  it("writes content/, serves the playbook and finds it in search at once, and audits who published what", async () => {
    const phrase = "narwhalpublished";
    const mdx = playbookMdx("Freshly reviewed", phrase);
    const { id } = await createDraft({ mdx, slug: "freshly-reviewed", source: "upload", author: AUTHOR });
    // Search built before the publish: it must not keep serving the old index.
    expect(await searchPlaybooks(phrase)).toEqual([]);

    const published = await publishDraft({ draftId: id, user: ADMIN });

    expect(readFileSync(path.join(contentDir, "freshly-reviewed.mdx"), "utf8")).toBe(mdx);
    expect(published.contentHash).toBe(contentHash(mdx));
    expect((await getPlaybook("freshly-reviewed"))?.title).toBe("Freshly reviewed");
    expect((await searchPlaybooks(phrase)).map((r) => r.slug)).toEqual(["freshly-reviewed"]);
    expect(await getDraft(id)).toMatchObject({ status: "published", publishedHash: contentHash(mdx) });
    const [event] = (await audits("draft.publish")).slice(-1);
    expect(event).toMatchObject({
      userId: ADMIN.id,
      userEmail: ADMIN.email,
      playbook: `freshly-reviewed@${contentHash(mdx)}`,
    });
    expect(JSON.parse(event!.detail!)).toMatchObject({ draft: id, author: AUTHOR.id, replaced: null });
    // No temporary file is left beside it.
    expect(readdirSync(contentDir).filter((f) => !f.endsWith(".mdx"))).toEqual([]);
  });

  it("refuses a second publish of the same draft", async () => {
    const { id } = await createDraft({ mdx: playbookMdx("Once"), slug: "only-once", source: "upload", author: AUTHOR });
    const [first, second] = await Promise.allSettled([
      publishDraft({ draftId: id, user: ADMIN }),
      publishDraft({ draftId: id, user: EDITOR }),
    ]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    const refused = (first.status === "rejected" ? first.reason : (second as PromiseRejectedResult).reason) as Error;
    expect(refused).toMatchObject({ status: 409 });
    expect((await audits("draft.publish")).filter((e) => e.playbook?.startsWith("only-once@"))).toHaveLength(1);
    expect(await getPlaybook("only-once")).toBeDefined();
  });

  it("refuses a new draft whose slug was published meanwhile, without touching the file", async () => {
    const { id } = await createDraft({
      mdx: playbookMdx("Late"),
      slug: "taken-later",
      source: "upload",
      author: AUTHOR,
    });
    const other = playbookMdx("Got there first");
    writeFileSync(path.join(contentDir, "taken-later.mdx"), other);
    const err = await failure(publishDraft({ draftId: id, user: ADMIN }));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/content\/taken-later\.mdx is published .*does not say it replaces it/);
    expect(readFileSync(path.join(contentDir, "taken-later.mdx"), "utf8")).toBe(other);
    expect((await getDraft(id))?.status).toBe("open");
  });

  it("replaces a published playbook when the draft names its current version, and shows the diff", async () => {
    const file = path.join(contentDir, `${SEED}.mdx`);
    const before = readFileSync(file, "utf8");
    const mdx = before.replace(/^title: .*$/m, "title: Ray in an OrbStack VM, reviewed");
    const { id } = await createDraft({
      mdx,
      slug: SEED,
      source: "upload",
      author: AUTHOR,
      replaces: contentHash(before),
    });
    const view = await getDraft(id);
    const changed = view?.diff?.hunks.flatMap((h) => h.lines).filter((l) => l.kind !== "same");
    expect(changed?.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: "removed", text: expect.stringMatching(/^title: /) as unknown },
      { kind: "added", text: "title: Ray in an OrbStack VM, reviewed" },
    ]);
    await publishDraft({ draftId: id, user: ADMIN });
    expect(readFileSync(file, "utf8")).toBe(mdx);
    expect((await getPlaybook(SEED))?.title).toBe("Ray in an OrbStack VM, reviewed");
    const [event] = (await audits("draft.publish")).slice(-1);
    expect(JSON.parse(event!.detail!)).toMatchObject({ replaced: contentHash(before) });
  });

  it("refuses a stale replace with 409 and why: the published file changed since the draft was made", async () => {
    const file = path.join(contentDir, `${SEED}.mdx`);
    const base = readFileSync(file, "utf8");
    const mine = base.replace(/^summary: .*$/m, "summary: Mine.");
    const { id } = await createDraft({
      mdx: mine,
      slug: SEED,
      source: "upload",
      author: AUTHOR,
      replaces: contentHash(base),
    });
    const theirs = base.replace(/^summary: .*$/m, "summary: Theirs, edited in git.");
    writeFileSync(file, theirs);

    const publishes = (await audits("draft.publish")).length;
    const err = await failure(publishDraft({ draftId: id, user: ADMIN }));
    expect(err.status).toBe(409);
    expect(err.message).toBe(
      `content/${SEED}.mdx changed since this draft was made: it replaces version ${contentHash(base)}, ` +
        `and version ${contentHash(theirs)} is published now. Draft again from the current version.`,
    );
    expect(readFileSync(file, "utf8")).toBe(theirs);
    expect((await getDraft(id))?.status).toBe("open");
    expect(await audits("draft.publish")).toHaveLength(publishes);
  });
});

describe("a publish whose record cannot be kept", () => {
  // A trigger makes the database refuse to mark these drafts published, after the file was written.
  let allow = async () => {};
  beforeAll(async () => {
    allow = await refuseWrites(db, "refuse_doomed", {
      table: "PlaybookDraft",
      event: "UPDATE OF status",
      when: `NEW.slug LIKE 'doomed%' OR (NEW.slug = '${SEED}' AND NEW.title = 'Doomed')`,
    });
  });
  afterAll(() => allow());

  it("leaves no new file behind, and the draft open and unaudited", async () => {
    const { id } = await createDraft({
      mdx: playbookMdx("Doomed"),
      slug: "doomed-new",
      source: "upload",
      author: AUTHOR,
    });
    const publishes = (await audits("draft.publish")).length;
    await expect(publishDraft({ draftId: id, user: ADMIN })).rejects.toThrow();
    expect(readdirSync(contentDir)).not.toContain("doomed-new.mdx");
    expect(await getPlaybook("doomed-new")).toBeUndefined();
    expect((await getDraft(id))?.status).toBe("open");
    expect(await audits("draft.publish")).toHaveLength(publishes);
  });

  it("puts the replaced file back as it was", async () => {
    const file = path.join(contentDir, `${SEED}.mdx`);
    const before = readFileSync(file, "utf8");
    const mdx = before.replace(/^title: .*$/m, "title: Doomed");
    const { id } = await createDraft({
      mdx,
      slug: SEED,
      source: "upload",
      author: AUTHOR,
      replaces: contentHash(before),
    });
    await expect(publishDraft({ draftId: id, user: ADMIN })).rejects.toThrow();
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("the two-person rule", () => {
  // EDITOR was made an editor above: two users can publish, so under `auto` the rule applies.
  it("refuses an author who would be the only reviewer of a draft with change steps", async () => {
    const { id } = await createDraft({
      mdx: playbookMdx("Own work"),
      slug: "own-work",
      source: "upload",
      author: EDITOR,
    });
    const err = await failure(publishDraft({ draftId: id, user: EDITOR }));
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/someone other than its author must approve it/);
    expect(readdirSync(contentDir)).not.toContain("own-work.mdx");

    await approveDraft({ draftId: id, user: ADMIN, note: "Looks right." });
    const [review] = (await audits("draft.review")).slice(-1);
    expect(review).toMatchObject({ userId: ADMIN.id, playbook: expect.stringMatching(/^own-work@/) as unknown });
    await publishDraft({ draftId: id, user: EDITOR });
    expect(await getPlaybook("own-work")).toBeDefined();
  });

  it("forgets an approval once the draft is edited", async () => {
    const { id } = await createDraft({
      mdx: playbookMdx("Edited"),
      slug: "edited-later",
      source: "upload",
      author: EDITOR,
    });
    await approveDraft({ draftId: id, user: ADMIN });
    await updateDraft({ draftId: id, user: EDITOR, mdx: playbookMdx("Edited after approval") });
    const err = await failure(publishDraft({ draftId: id, user: EDITOR }));
    expect(err.message).toMatch(/someone other than its author/);
    expect((await getDraft(id))?.title).toBe("Edited after approval");
  });

  it("does not let authors approve their own draft", async () => {
    const { id } = await createDraft({
      mdx: playbookMdx("Self"),
      slug: "self-approved",
      source: "upload",
      author: EDITOR,
    });
    const err = await failure(approveDraft({ draftId: id, user: EDITOR }));
    expect(err.status).toBe(403);
  });

  it("is off for a one-person install under auto, and holds there when set to on", async () => {
    await setEditor(ADMIN, { userId: EDITOR.id, editor: false });
    expect(await countPublishers()).toBe(1);
    const solo = await createDraft({ mdx: playbookMdx("Solo"), slug: "solo", source: "upload", author: ADMIN });
    await publishDraft({ draftId: solo.id, user: ADMIN });
    expect(await getPlaybook("solo")).toBeDefined();

    process.env.CASEBOOK_TWO_PERSON_REVIEW = "on";
    const strict = await createDraft({ mdx: playbookMdx("Strict"), slug: "strict", source: "upload", author: ADMIN });
    expect((await failure(publishDraft({ draftId: strict.id, user: ADMIN }))).status).toBe(403);
  });
});

describe("rejecting and deleting", () => {
  it("rejects with a reason (editors only), then deletes; both audited, neither touches content/", async () => {
    const { id } = await createDraft({ mdx: playbookMdx("Nope"), slug: "nope", source: "upload", author: AUTHOR });
    expect((await failure(rejectDraft({ draftId: id, user: AUTHOR, reason: "mine" }))).status).toBe(403);
    await rejectDraft({ draftId: id, user: ADMIN, reason: "Duplicates the podman playbook." });
    expect(await getDraft(id)).toMatchObject({ status: "rejected", reason: "Duplicates the podman playbook." });
    expect((await failure(publishDraft({ draftId: id, user: ADMIN }))).status).toBe(409);
    await deleteDraft({ draftId: id, user: AUTHOR });
    expect(await getDraft(id)).toBeNull();
    expect((await audits("draft.reject")).at(-1)?.playbook).toMatch(/^nope@/);
    expect((await audits("draft.delete")).at(-1)?.userId).toBe(AUTHOR.id);
    expect(readdirSync(contentDir)).not.toContain("nope.mdx");
  });
});
