// The admin pages: reached from the user menu (admins only), the users table with its secondary and
// danger buttons, and the audit log's details readable in their column.
import { expect, test, type Locator } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { ADMIN, OPERATOR } from "./support/users";

/** The button's background colour, to tell a primary (accent) button from a secondary one. */
const background = (button: Locator) => button.evaluate((el) => getComputedStyle(el).backgroundColor);

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN.storageState, viewport: { width: 1280, height: 900 } });

  test("the user menu links to Users and the audit log, and closes on the way", async ({ page }) => {
    await page.goto("/");
    const menu = page.locator(".user-menu");
    await menu.locator("summary").click();
    const admin = menu.getByRole("navigation", { name: "Admin" });
    await expect(admin.getByRole("link", { name: "Audit log" })).toHaveAttribute("href", "/admin/audit");
    await admin.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expect(menu).not.toHaveAttribute("open");
  });

  test("the users page: framed like the others, Ban in the danger style and never primary", async ({ page }) => {
    await page.goto("/admin/users");
    const email = `styled-${Date.now()}@casebook.test`;
    const form = page.locator("form.create-user-form");
    await form.getByLabel("Name").fill("Styled User");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("styled-e2e-password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Created ${email} as viewer.`);

    // The page's content starts inside the page frame, not at the window's edge.
    const box = await page.getByRole("heading", { name: "Users", level: 1 }).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(24);
    const row = page.locator(`tr[data-email="${email}"]`);
    const ban = row.getByRole("button", { name: `Ban ${email}` });
    const create = form.getByRole("button", { name: "Create user" });
    expect(await background(ban)).not.toBe(await background(create));
    await expect(ban).toHaveClass(/button-danger/);
    await expect(row.getByRole("button", { name: `Change role of ${email}` })).not.toHaveClass(/button-primary/);
    await lookAt(page, "admin-users");
  });

  test("the audit log shows a detail as fields, and an action on one line", async ({ page }) => {
    const email = `audited-${Date.now()}@casebook.test`;
    await page.goto("/admin/users");
    const form = page.locator("form.create-user-form");
    await form.getByLabel("Name").fill("Audited User");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("audited-e2e-password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Created ${email} as viewer.`);

    await page.goto("/admin/audit?action=user.create");
    const row = page.locator('tr[data-action="user.create"]').first();
    const fields = row.locator(".audit-detail-fields");
    await expect(fields.locator("dt", { hasText: "email" })).toBeVisible();
    await expect(fields.locator("dd", { hasText: email })).toBeVisible();
    await expect(row).not.toContainText('{"');
    // One line box: the action is never broken mid-word ("user.c reate").
    const action = row.locator(".audit-action code");
    expect(await action.evaluate((el) => el.getClientRects().length)).toBe(1);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const line = await action.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
      expect((await action.boundingBox())!.height).toBeLessThan(line * 1.6);
    }
    await page.goto("/admin/audit");
    await lookAt(page, "admin-audit");
  });
});

test.describe("as an operator", () => {
  test.use({ storageState: OPERATOR.storageState });

  test("the user menu has no admin links", async ({ page }) => {
    await page.goto("/");
    const menu = page.locator(".user-menu");
    await menu.locator("summary").click();
    await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(menu.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  });
});
