// Reading: find a playbook by pasting an error, land on the right step, and the pages around it.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { BROKEN_PLAYBOOK } from "./support/broken-playbook";
import { VIEWER } from "./support/users";

test.use({ storageState: VIEWER.storageState });

const RAY = "/playbooks/ray-actor-pending-creation-podman";

function largeSearchBox(page: Page) {
  return page.getByRole("textbox", { name: "Paste an error message or describe the problem" });
}

test("pasting an error finds its playbook and opens the matching step", async ({ page }) => {
  await page.goto("/");
  await largeSearchBox(page).fill("podman: not found on PATH");
  await largeSearchBox(page).press("Enter");

  await expect(page).toHaveURL(/\/search\?q=podman%3A\+not\+found\+on\+PATH$/);
  const first = page.locator(".search-result").first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("Ray actor stuck in PENDING_CREATION under Podman");
  await expect(first).toContainText('Step "Is podman installed?"');
  await expect(first.locator("mark").first()).toBeVisible();

  await first.getByRole("heading", { level: 2 }).getByRole("link").click();
  await expect(page).toHaveURL(`${RAY}#step-podman-installed`);
  const card = page.locator("#step-podman-installed");
  await expect(card.getByRole("heading", { name: "Step 1: Is podman installed?" })).toBeVisible();
  await expect(card).toBeInViewport();
  await expect(card).toContainText("Passes when the exit code is 0 and the output matches /podman version/");
  await expect(card).toContainText("Read-only");
  await expect(card.getByRole("link", { name: "Install podman in the VM" })).toHaveAttribute(
    "href",
    "#step-install-podman",
  );
});

test("an exact seed error ranks its playbook first and lands on the step that diagnoses it", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("manifest unknown: manifest unknown")}`);
  const first = page.locator(".search-result").first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("Ray actor stuck in PENDING_CREATION under Podman");
  await expect(first).toContainText("Can the configured image be pulled by its digest?");
  await first.getByRole("heading", { level: 2 }).getByRole("link").click();
  await expect(page).toHaveURL(`${RAY}#step-image-pullable`);
  await expect(page.locator("#step-image-pullable")).toBeInViewport();
});

test("each symptom on a playbook page links to its step", async ({ page }) => {
  await page.goto(RAY);
  const symptom = page.locator("#symptoms li").filter({ hasText: "insufficient UIDs or GIDs" });
  await symptom.getByRole("link").click();
  await expect(page).toHaveURL(`${RAY}#step-subids-configured`);
  await expect(page.locator("#step-subids-configured")).toBeInViewport();
  await page.locator("#symptoms").scrollIntoViewIfNeeded();
  await lookAt(page, "playbook-symptoms");
});

test("the playbook page shows its parts and copies a step's command", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(RAY);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ray actor stuck in PENDING_CREATION under Podman");
  await expect(
    page.getByRole("complementary", { name: "On this page" }).getByRole("link", { name: "Symptoms" }),
  ).toHaveAttribute("href", "#symptoms");
  await expect(page.locator("#inputs")).toContainText("$ORB_MACHINE");
  // Highlighted by shiki, with both themes' colours.
  await expect(page.locator("#step-podman-installed pre.shiki")).toHaveCount(1);

  const card = page.locator("#step-podman-installed");
  await card.locator(".code-block").hover();
  await card.getByRole("button", { name: "Copy code" }).click();
  await expect(card.getByRole("button", { name: "Copy code" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("podman --version");
});

test("a missing playbook shows the 404 page", async ({ page }) => {
  const response = await page.goto("/playbooks/no-such-playbook");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is no page here" })).toBeVisible();
  await expect(largeSearchBox(page)).toBeVisible();
  await page.getByRole("link", { name: "All playbooks" }).click();
  await expect(page.getByRole("heading", { name: "Playbooks", level: 1 })).toBeVisible();
});

test("/ focuses the search box from anywhere, but not while typing", async ({ page }) => {
  await page.goto(RAY);
  const header = page.getByRole("searchbox", { name: "Search playbooks" });
  await expect(header).not.toBeFocused();
  await pressSlashUntilFocused(page, header);
  await expect(header).toHaveValue("");
  await page.keyboard.type("a/b");
  await expect(header).toHaveValue("a/b");

  await page.goto("/");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await pressSlashUntilFocused(page, largeSearchBox(page));
});

// The shortcut listens once the page has hydrated; a "/" pressed before that does nothing, so
// press again until it lands (on a loaded CI machine hydration can trail the load event).
async function pressSlashUntilFocused(page: Page, box: Locator): Promise<void> {
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test("the dark theme toggle works, is remembered, and applies before paint", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe("rgb(255, 255, 255)");

  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background()).toBe("rgb(14, 16, 21)");

  // The inline head script sets the theme before any stylesheet applies, so there is no flash.
  await page.goto(RAY, { waitUntil: "commit" });
  await page.waitForSelector("body");
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await background()).toBe("rgb(14, 16, 21)");

  // Choosing what the system prefers forgets the choice, so the page follows the system again.
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await page.evaluate(() => localStorage.getItem("casebook-theme"))).toBeNull();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  expect(await background()).toBe("rgb(14, 16, 21)");
});

test("a broken playbook's page names its file and line; the rest keeps working", async ({ page }) => {
  const response = await page.goto(`/playbooks/${BROKEN_PLAYBOOK.slug}`);
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert", { name: "1 problem in this playbook" });
  await expect(alert).toContainText(`${BROKEN_PLAYBOOK.slug}.mdx:${BROKEN_PLAYBOOK.line}:1`);
  await expect(alert).toContainText("<Terminal> is not allowed");

  await page.goto("/");
  await expect(
    page
      .getByRole("complementary", { name: "Playbooks that failed to load" })
      .getByRole("link", { name: BROKEN_PLAYBOOK.slug }),
  ).toBeVisible();
  await page.goto(RAY);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ray actor stuck in PENDING_CREATION under Podman");
});

test("tag pages list their playbooks", async ({ page }) => {
  await page.goto("/tags");
  await page.getByRole("link", { name: /^podman\s*\d+$/ }).click();
  await expect(page).toHaveURL(/\/tags\/podman$/);
  await expect(page.getByRole("link", { name: "Ray actor stuck in PENDING_CREATION under Podman" })).toBeVisible();
  expect((await page.goto("/tags/no-such-tag"))?.status()).toBe(404);
});

test("at phone width nothing scrolls sideways and code blocks scroll inside themselves", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of ["/", RAY, "/search?q=podman", "/tags"]) {
    await page.goto(path);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0], `${path} is wider than the screen`).toBeLessThanOrEqual(widths[1] as number);
  }
  await page.goto(RAY);
  const pre = page.locator("#step-podman-installed pre");
  const overflow = await pre.evaluate((el) => [el.scrollWidth, el.clientWidth, getComputedStyle(el).overflowX]);
  expect(overflow[0]).toBeGreaterThan(overflow[1] as number);
  expect(overflow[2]).toBe("auto");
});
