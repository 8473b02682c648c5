// Issue 12, symptom → step: an error line of each seed playbook, searched from the search box,
// lands on the step that diagnoses it, highlighted and in view (that every line lands on its step
// is lib/search/seed-errors.test.ts, at the search index); past incidents sit with the
// playbook they concern; the table of contents marks what was clicked; collapsed parts open when
// a link points into them.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { lookAt } from "./support/look-at";
import { E2E_BASE_URL, OPERATOR } from "./support/users";

test.use({ storageState: OPERATOR.storageState });

const CONTENT = path.resolve(import.meta.dirname, "..", "content");
const RAY_SLUG = "ray-actor-pending-creation-podman";
const RAY = `/playbooks/${RAY_SLUG}`;
const HEADER_H = 56;

/** Every frontmatter symptom of every seed, as its file declares it. */
function seedSymptoms(): Array<{ slug: string; text: string; step: string }> {
  return fs
    .readdirSync(CONTENT)
    .filter((f) => f.endsWith(".mdx"))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(CONTENT, file), "utf8");
      const front = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? "";
      const symptoms = (parse(front) as { symptoms?: Array<{ text: string; step: string }> }).symptoms ?? [];
      return symptoms.map((s) => ({ slug: file.replace(/\.mdx$/, ""), text: s.text, step: s.step }));
    });
}

const SYMPTOMS = seedSymptoms();

async function searchFromBox(page: Page, query: string) {
  await page.goto("/search");
  const box = page.getByRole("textbox", { name: "Paste an error message or describe the problem" });
  await box.fill(query);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
}

/** The target sits just under the sticky header, where a followed link puts it. */
async function expectLanded(page: Page, id: string) {
  const target = page.locator(`#${id}`);
  await expect(target).toHaveAttribute("data-hash-target", "");
  await expect(target).toBeInViewport();
  await expect.poll(() => target.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(HEADER_H);
  await expect.poll(() => target.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(HEADER_H + 40);
}

test("the seeds declare their symptoms with steps", () => {
  expect(new Set(SYMPTOMS.map((s) => s.slug)).size).toBe(4);
  expect(SYMPTOMS.length).toBeGreaterThanOrEqual(20);
  expect(SYMPTOMS.filter((s) => !s.step)).toEqual([]);
});

/** The first symptom each seed declares: the browser half of the path is the same for every line. */
const ONE_PER_SEED = SYMPTOMS.filter((s, i) => SYMPTOMS.findIndex((t) => t.slug === s.slug) === i);

test.describe("an error line of each seed, searched from the search box, opens its step", () => {
  for (const { slug, text, step } of ONE_PER_SEED) {
    test(`${slug}: ${text}`, async ({ page }) => {
      await searchFromBox(page, text);
      const first = page.locator(".search-result").first();
      await expect(first).toContainText("Symptom → step");
      await first.getByRole("heading", { level: 2 }).getByRole("link").click();
      await expect(page).toHaveURL(`/playbooks/${slug}#step-${step}`);
      const card = page.locator(`#step-${step}`);
      await expect(card).toHaveAttribute("data-hash-target", "");
      await expect(card).toBeInViewport();
    });
  }
});

test("a symptom link on the page highlights its step, and the next one moves the highlight", async ({ page }) => {
  await page.goto(`${RAY}#step-image-pullable`);
  await expectLanded(page, "step-image-pullable");

  await page.locator("#symptoms li").filter({ hasText: "insufficient UIDs or GIDs" }).getByRole("link").click();
  await expect(page).toHaveURL(`${RAY}#step-subids-configured`);
  await expectLanded(page, "step-subids-configured");
  await expect(page.locator("#step-image-pullable")).not.toHaveAttribute("data-hash-target");
  await lookAt(page, "symptom-step-highlighted");
});

test.describe("with a past incident on the playbook", () => {
  const title = `Podman missing on the Ray VM ${Math.random().toString(36).slice(2, 8)}`;
  const learning = `Install podman before the first deploy (${title})`;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: OPERATOR.storageState, baseURL: E2E_BASE_URL });
    const res = await context.request.post("/api/incidents", {
      headers: { origin: E2E_BASE_URL },
      data: {
        incident: {
          title,
          severity: "SEV3",
          symptoms: ["FileNotFoundError: [Errno 2] No such file or directory: 'podman'"],
          summary: "Actors stayed in PENDING_CREATION: the VM had no podman.",
          resolution: "Installed podman in the VM.",
          playbooks: [RAY_SLUG],
          rootCauses: [{ title: "Podman is not installed", fix: "sudo apt-get install -y podman" }],
          learnings: [{ kind: "insight", text: learning, playbookSlug: RAY_SLUG, stepId: "podman-installed" }],
        },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    await context.close();
  });

  test("search shows the incident with the playbook it concerns, not below all results", async ({ page }) => {
    await searchFromBox(page, "No such file or directory: 'podman'");
    const ray = page
      .locator(".search-result")
      .filter({ has: page.getByRole("heading", { level: 2, name: /Podman$/ }) });
    await expect(ray.first().locator('[data-kind="incidents"]')).toContainText(title);
    await expect(ray.first()).toContainText("What fixed it:");
    await expect(page.getByRole("heading", { name: "Past incidents that saw this" })).toHaveCount(0);
    await lookAt(page, "search-incident-beside-playbook");
  });

  test("the table of contents marks the entry clicked, learnings included, and opens them", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(RAY);
    const rail = page.locator(".toc-rail");
    const learnings = page.locator("#learnings");
    await expect(learnings.locator("details")).not.toHaveAttribute("open");

    const links = rail.getByRole("link");
    const count = await links.count();
    // Steps, sections, the last step and the learnings at the end of the page.
    const picks = [2, 3, 5, 8, 13, count - 2, count - 1].filter((i, k, all) => i < count && all.indexOf(i) === k);
    for (const i of picks) {
      const link = links.nth(i);
      await link.click();
      await expect(link).toHaveAttribute("aria-current", "location");
      await expect(rail.locator('[aria-current="location"]')).toHaveCount(1);
    }
    await expect(links.last()).toHaveText("Learnings");
    await expect(learnings.locator("details")).toHaveAttribute("open", "");
    await expect(learnings.getByText(learning)).toBeVisible();
  });

  test("a link into a collapsed part opens it, on first load too", async ({ page }) => {
    await page.goto(`${RAY}#learnings`);
    await expect(page.locator("#learnings details")).toHaveAttribute("open", "");
    await expect(page.locator("#learnings").getByText(learning)).toBeInViewport();

    await page.goto(RAY);
    const step = page.locator("#step-podman-installed");
    await expect(step.locator("details")).not.toHaveAttribute("open");
    await lookAt(page, "playbook-collapsed");
  });
});

test("long sample output starts collapsed and opens on a click", async ({ page }) => {
  await page.goto("/playbooks/ray-cluster-orbstack-vm");
  const output = page.locator("details.output-block").first();
  await expect(output).not.toHaveAttribute("open");
  await expect(output.locator("summary")).toContainText(/^\d+ lines of text/);
  await expect(output.locator(".code-pre")).toBeHidden();
  await output.locator("summary").click();
  await expect(output.locator(".code-pre")).toBeVisible();
  await output.locator("summary").scrollIntoViewIfNeeded();
  await lookAt(page, "playbook-sample-output");
});
