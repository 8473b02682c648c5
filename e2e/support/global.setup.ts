// Setup project: on the fresh database, creates the first admin through the real /setup page,
// then an operator and a viewer through /admin/users, and saves each one's signed-in state.
import fs from "node:fs";
import path from "node:path";
import { expect, test as setup, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { ADMIN, OPERATOR, VIEWER, type E2EUser } from "./users";

async function createUserThroughAdminUi(page: Page, user: E2EUser): Promise<void> {
  const form = page.locator("form.create-user-form");
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created ${user.email} as ${user.role}.`);
  await expect(page.locator(`tr[data-email="${user.email}"]`)).toBeVisible();
}

setup("create the first admin", async ({ page, browser }) => {
  fs.mkdirSync(path.dirname(ADMIN.storageState), { recursive: true });

  // With no users yet, every page leads to /setup.
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Confirm password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?setup=done$/);
  await expect(page.getByRole("status")).toHaveText("Admin account created. Sign in with it.");

  await signIn(page, ADMIN);
  await page.context().storageState({ path: ADMIN.storageState });

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  for (const user of [OPERATOR, VIEWER]) await createUserThroughAdminUi(page, user);

  for (const user of [OPERATOR, VIEWER]) {
    const context = await browser.newContext();
    const userPage = await context.newPage();
    await signIn(userPage, user);
    await context.storageState({ path: user.storageState });
    await context.close();
  }
});
