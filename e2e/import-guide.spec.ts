// Importing a guide in the browser: an operator picks a small Markdown guide on /drafts, previews
// the import (its report and the MDX it would save, nothing saved yet), uploads it as a draft, and
// finds the same report on the draft's review page. What the importer decides is not asserted here,
// only that its report is shown: the importer's own tests hold its decisions.
import { expect, test } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { OPERATOR } from "./support/users";

const id = Date.now().toString(36);
const SLUG = `runner-disk-${id}`;
const GUIDE = `# Build runner out of disk space

Builds on the self-hosted runner stop part-way when its disk fills up.

## Symptom

\`\`\`text
write /var/lib/docker/tmp/layer: no space left on device
\`\`\`

## Check the free space

\`\`\`bash
df -h /var/lib/docker
\`\`\`

## Remove stopped containers and unused images

\`\`\`bash
docker system prune --force
\`\`\`
`;

test.use({ storageState: OPERATOR.storageState });

test("previews a guide's import, saves it as a draft, and the draft page shows the import report", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/drafts");
  const upload = page.locator("form").filter({ has: page.getByLabel("Playbook or guide") });
  // A playbook needs no preview; a guide does.
  await upload.getByLabel("Playbook or guide").setInputFiles({
    name: "playbook.mdx",
    mimeType: "text/markdown",
    buffer: Buffer.from("---\ntitle: x\n---\n"),
  });
  await expect(upload.getByRole("button", { name: "Preview import" })).toHaveCount(0);
  await upload.getByLabel("Playbook or guide").setInputFiles({
    name: "runner-disk.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(GUIDE),
  });
  await upload.getByLabel("Slug (optional)").fill(SLUG);
  const drafts = await page.request.get("/drafts");
  expect(await drafts.text()).not.toContain(SLUG);

  await upload.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview.getByRole("heading", { name: "Preview: Build runner out of disk space" })).toBeVisible();
  await expect(preview).toContainText(`It would be saved as ${SLUG}`);
  const report = preview.locator("[data-import-report]");
  await expect(report).toHaveAttribute("open", "");
  await expect(report.getByRole("region", { name: "Steps made" })).toBeVisible();
  await expect(report).toContainText("What the importer made of runner-disk.md.");
  await expect(preview.locator("pre")).toContainText("<Step ");
  await expect(preview.locator("pre")).toContainText("docker system prune --force");
  // A dry run saves nothing.
  expect(await (await page.request.get("/drafts")).text()).not.toContain(SLUG);
  await lookAt(page, "import-preview");

  await upload.getByRole("button", { name: "Upload as draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build runner out of disk space");
  const stored = page.getByRole("region", { name: "Import report" }).locator("[data-import-report]");
  // Collapsed at first: the rendered playbook is what a reviewer reads first.
  await expect(stored).not.toHaveAttribute("open", "");
  await stored.locator("summary").click();
  await expect(stored.getByRole("region", { name: "Steps made" })).toBeVisible();
  await expect(stored.getByRole("region", { name: "Steps made" }).locator(".risk-badge").first()).toBeVisible();
  await expect(stored).toContainText("edits to the draft since are not in it");
  await lookAt(page, "import-report-draft");
});
