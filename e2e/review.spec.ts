// Review before publish, end to end: an operator drafts a playbook from an incident, and the draft
// can neither run nor be found; an admin makes a second operator an editor, who reviews the draft
// (rendered without run controls, with the classifier's findings per step) and publishes it; it is
// then served, searchable and runnable on the local agent at once, with its risk badges.
// The classifier's verdicts are not asserted, only that they are shown: they are the risk branch's.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { signIn } from "./support/sign-in";
import { ADMIN, E2E_BASE_URL, OPERATOR } from "./support/users";

const SAME_SITE = { origin: E2E_BASE_URL };

const id = Date.now().toString(36);
const PHRASE = `quagga${id}`;
const TITLE = `Review flow ${id}`;
const SLUG = `review-flow-${id}`;
const EDITOR = { name: "Eddie Editor", email: `editor-${id}@casebook.test`, password: "editor-e2e-password" };

test.describe.configure({ mode: "serial" });

let draftHref = "";

async function searchPlaybookSlugs(page: Page, q: string): Promise<string[]> {
  const res = await page.request.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { results: Array<{ kind: string; slug?: string }> };
  return body.results.filter((r) => r.kind === "playbook").map((r) => r.slug ?? "");
}

async function editorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, EDITOR);
  return page;
}

test.describe("as the operator who drafts", () => {
  test.use({ storageState: OPERATOR.storageState });

  test("drafts a playbook from an incident; it cannot run and search does not find it", async ({ page }) => {
    const created = await page.request.post("/api/incidents", {
      headers: SAME_SITE,
      data: {
        incident: {
          title: TITLE,
          severity: "SEV3",
          symptoms: [`${PHRASE}: the widget stopped`],
          summary: `The widget stopped with ${PHRASE}.`,
          rootCauses: [
            {
              title: "Kernel is not Linux",
              symptom: "The widget stops.",
              evidence: "```bash\nuname -s\n```",
              fix: "```bash\necho 'switch to a Linux host'\n```",
            },
          ],
        },
      },
    });
    expect(created.status()).toBe(201);
    const { id: incidentId } = (await created.json()) as { id: string };

    await page.goto(`/incidents/${incidentId}/draft`);
    await page.getByLabel("Playbook slug").fill(SLUG);
    await page.getByRole("button", { name: "Save draft for review" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Saved as a draft" });
    await expect(saved).toContainText("cannot run until an editor reviews and publishes it");
    await saved.getByRole("link", { name: "Open the draft" }).click();
    await expect(page).toHaveURL(/\/drafts\/[a-z0-9]+$/);
    draftHref = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    // The author is not an editor: no publish button, only the way forward.
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
    await expect(page.getByText("An editor reviews and publishes this draft")).toBeVisible();

    // Not runnable: there is no playbook page (so no run panel), and the draft page has no run controls.
    const missing = await page.goto(`/playbooks/${SLUG}`);
    expect(missing?.status()).toBe(404);
    await page.goto(draftHref);
    await expect(page.locator(".step-card").first()).toBeVisible();
    await expect(page.locator("#run-panel")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Run step/ })).toHaveCount(0);
    // Not searchable, even by a phrase only this draft contains.
    expect(await searchPlaybookSlugs(page, PHRASE)).toEqual([]);
  });
});

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN.storageState });

  test("adds an operator and makes them an editor", async ({ page }) => {
    await page.goto("/admin/users");
    const form = page.locator("form.create-user-form");
    await form.getByLabel("Name").fill(EDITOR.name);
    await form.getByLabel("Email").fill(EDITOR.email);
    await form.getByLabel("Initial password").fill(EDITOR.password);
    await form.getByLabel("Role").selectOption("operator");
    await form.getByRole("button", { name: "Create user" }).click();
    const row = page.locator(`tr[data-email="${EDITOR.email}"]`);
    await row.getByRole("button", { name: `Grant the editor permission for ${EDITOR.email}` }).click();
    await expect(row.getByRole("status")).toHaveText(`${EDITOR.email} may now review and publish drafts.`);
    await expect(row.getByRole("button", { name: `Revoke the editor permission for ${EDITOR.email}` })).toBeVisible();
  });
});

test.describe("as the editor who reviews", () => {
  test("reviews the draft and publishes it; it is at once served, found and runnable, with its risk badges", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const page = await editorPage(browser);
    await page.goto("/drafts");
    await expect(page.getByText("You can review and publish drafts.")).toBeVisible();
    await expect(page.getByText(/Two-person review is on/)).toBeVisible();
    const listed = page.getByRole("link", { name: TITLE });
    await expect(listed).toHaveAttribute("href", draftHref);
    await lookAt(page, "drafts-list");

    await listed.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    // The playbook as it will read, without run controls, and the classifier's findings for each step.
    const cards = page.locator(".step-card");
    const steps = await cards.count();
    expect(steps).toBeGreaterThan(1);
    const findings = page.locator('[aria-label^="Risk findings for step"]');
    await expect(findings).toHaveCount(steps);
    for (let i = 0; i < steps; i++) {
      await expect(findings.nth(i).locator(".risk-badge").first()).toBeVisible();
      // Each step says what the classifier found: its findings, or that every command only reads.
      await expect(findings.nth(i).locator('li, [data-finding="summary"]').first()).not.toBeEmpty();
    }
    await expect(page.locator("#run-panel")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Run step/ })).toHaveCount(0);
    await lookAt(page, "draft-review");

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/playbooks/${SLUG}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.locator(".step-card .risk-badge")).toHaveCount(steps);
    expect(await searchPlaybookSlugs(page, PHRASE)).toContain(SLUG);

    // Runnable at once: start a run on the local agent and run the first step.
    const panel = page.locator("#run-panel");
    await expect(panel.getByRole("heading", { name: "Run this playbook" })).toBeVisible();
    await expect(panel.getByLabel("Host").locator("option:checked")).not.toHaveText(/offline|No host/);
    await panel.getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
    const first = cards.first();
    await first.getByRole("button", { name: /^Run step/ }).click();
    // A change step asks first; which risk the classifier gives this command is not this test's concern.
    const dialog = page.getByRole("dialog");
    if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button", { name: "Run step" }).click();
    await expect(first.locator(".step-status .verdict")).toHaveText(/Passed|Failed/, { timeout: 20_000 });
    await page.context().close();
  });

  test("the draft is recorded as published, and the audit trail says who published what", async ({ browser }) => {
    const page = await editorPage(browser);
    await page.goto(draftHref);
    await expect(page.getByText("Draft · published")).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the published playbook" })).toHaveAttribute(
      "href",
      `/playbooks/${SLUG}`,
    );
    await page.context().close();

    const admin = await browser.newContext({ storageState: ADMIN.storageState });
    const res = await admin.request.get(`/api/audit/export?format=json&action=draft.publish`);
    expect(res.status()).toBe(200);
    const events = (await res.json()) as Array<{ userEmail: string; playbook: string }>;
    expect(events.find((e) => e.playbook.startsWith(`${SLUG}@`))?.userEmail).toBe(EDITOR.email);
    await admin.close();
  });

  test("a draft that replaces the published version shows the diff against it", async ({ browser }) => {
    const page = await editorPage(browser);
    await page.goto(`/playbooks/${SLUG}`);
    const version = (await page.locator(".meta-file").getAttribute("title"))?.replace("Version ", "") ?? "";
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    const source = await page.request.get(`/api/drafts/${draftHref.split("/").pop()}/mdx`);
    expect(source.status()).toBe(200);
    const mdx = (await source.text()).replace(/^title: .*$/m, `title: ${TITLE}, revised`);
    const res = await page.request.post(`/api/drafts?replaces=${version}`, {
      headers: SAME_SITE,
      multipart: { file: { name: `${SLUG}.mdx`, mimeType: "text/markdown", buffer: Buffer.from(mdx) } },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { href } = (await res.json()) as { href: string };
    await page.goto(href);
    await expect(page.getByRole("heading", { name: `Changes against version ${version}` })).toBeVisible();
    await expect(page.getByRole("cell", { name: `title: ${TITLE}, revised` })).toBeVisible();
    await lookAt(page, "draft-diff");
    await page.getByRole("button", { name: "Delete draft" }).click();
    await expect(page).toHaveURL(/\/drafts$/);
    await page.context().close();
  });
});
