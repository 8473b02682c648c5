// The in-app help (issue 12 §4): reached from the header and from content errors, each page is its
// doc in docs/ (every heading of the file is on the page, with its anchor), and links between docs
// stay inside the help.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BROKEN_PLAYBOOK } from "./support/broken-playbook";
import { lookAt } from "./support/look-at";
import { VIEWER } from "./support/users";

test.use({ storageState: VIEWER.storageState });

const TOPICS = [
  { slug: "playbook-format", doc: "playbook-format.md", title: "The playbook format" },
  { slug: "writing-playbooks", doc: "writing-playbooks.md", title: "Writing a good playbook" },
  { slug: "agent", doc: "agent.md", title: "Running an agent" },
  { slug: "api", doc: "api.md", title: "The REST API" },
];

/** The doc's headings as `#` count and text, read from the file the page is built from. */
function headingsOf(doc: string): { level: number; text: string }[] {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, "../docs", doc), "utf8");
  // Fenced blocks hold example Markdown (`## Is podman installed?` inside a playbook): skip them.
  const prose = source.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, "");
  return [...prose.matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => ({
    level: m[1]!.length,
    text: m[2]!.replace(/`/g, ""),
  }));
}

/** Every heading of the doc is on the page, in order, and each section heading links to itself. */
async function expectDocHeadings(page: Page, doc: string) {
  const headings = headingsOf(doc);
  expect(headings.length).toBeGreaterThan(2);
  const onPage = await page.locator("article .prose").evaluate((article) =>
    [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => {
      const anchor = h.querySelector("a.heading-anchor");
      return {
        level: Number(h.tagName.slice(1)),
        text: [...h.childNodes]
          .filter((n) => n !== anchor)
          .map((n) => n.textContent)
          .join(""),
        anchored: anchor ? anchor.getAttribute("href") === `#${h.id}` : h.tagName === "H1",
      };
    }),
  );
  expect(onPage.map(({ level, text }) => ({ level, text }))).toEqual(headings);
  expect(onPage.filter((h) => !h.anchored)).toEqual([]);
}

test("the header's Help link leads to each help page, which is its doc", async ({ page }) => {
  await page.goto("/playbooks");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help");
  await expect(page.getByRole("complementary", { name: /Tip: Check a playbook/ })).toBeVisible();
  await lookAt(page, "help-index");

  for (const { slug, doc, title } of TOPICS) {
    await page.goto("/help");
    await page.getByRole("link", { name: new RegExp(`^${title}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/help/${slug}$`));
    await expectDocHeadings(page, doc);
    await expect(page.getByText(`This page is docs/${doc} in the repository.`)).toBeVisible();
    await lookAt(page, `help-${slug}`);
  }
});

test("the format page has styled tables and highlighted code, and its links stay in the help", async ({ page }) => {
  await page.goto("/help/playbook-format");
  const table = page.locator(".table-scroll table").first();
  await expect(table.getByRole("columnheader", { name: "field" })).toBeVisible();
  // Highlighted: shiki's spans carry the light and dark colours.
  const token = page.locator("pre.shiki span[style*='--shiki-dark']").first();
  await expect(token).toBeVisible();
  await page.locator("#how-casebook-classifies-a-command a.heading-anchor").click();
  await expect(page).toHaveURL(/#how-casebook-classifies-a-command$/);
  // The table of contents, as on a playbook page: it lists the sections and marks the one clicked.
  const rail = page.getByRole("complementary", { name: "On this page" });
  await rail.getByRole("link", { name: "Expectations" }).click();
  await expect(page).toHaveURL(/#expectations$/);
  await expect(rail.getByRole("link", { name: "Expectations" })).toHaveAttribute("aria-current", "location");

  await page.goto("/help/writing-playbooks");
  await page.getByRole("link", { name: "format reference" }).click();
  await expect(page).toHaveURL(/\/help\/playbook-format$/);
});

test("a content error links to the playbook format", async ({ page }) => {
  await page.goto(`/playbooks/${BROKEN_PLAYBOOK.slug}`);
  const alert = page.getByRole("alert", { name: "1 problem in this playbook" });
  await alert.getByRole("link", { name: "the playbook format" }).click();
  await expect(page).toHaveURL(/\/help\/playbook-format$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The playbook format");

  await page.goto("/playbooks");
  const notice = page.getByRole("complementary", { name: "Playbooks that failed to load" });
  await notice.getByRole("link", { name: "the playbook format" }).click();
  await expect(page).toHaveURL(/\/help\/playbook-format$/);
});

test("the API help page ends with the reference of every operation, from /api/openapi.json", async ({ page }) => {
  await page.goto("/help/api");
  const reference = page.locator("#reference").locator("..");
  await expect(page.getByRole("heading", { name: "Reference" })).toBeVisible();
  await expect(reference.locator("section#postApiRuns")).toContainText("Start a run of a playbook on a host");
  await expect(reference.locator("section#getApiRunsIdStepsStepRunId")).toContainText("wait");
  const document = (await (await page.request.get("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
  expect(await reference.locator("section[id]").count()).toBe(ids.length);
  await page
    .locator("#postApiRuns details")
    .first()
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await lookAt(page, "help-api-reference");
});
