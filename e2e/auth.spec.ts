import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { ADMIN, E2E_BASE_URL, OPERATOR, VIEWER } from "./support/users";

test.describe("signed out", () => {
  test("a visitor is sent to /sign-in, and the API answers 401", async ({ page, request }) => {
    await page.goto("/admin/users");
    // The full URL: the redirect must stay on 127.0.0.1, where the session cookie will live.
    await expect(page).toHaveURL(`${E2E_BASE_URL}/sign-in?next=%2Fadmin%2Fusers`);
    await expect(page.getByRole("heading", { name: "Sign in to Casebook" })).toBeVisible();

    const api = await request.get("/api/search?q=podman");
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: "Sign in required." });

    const health = await request.get("/api/health");
    expect(await health.json()).toEqual({ ok: true, db: "ok" });
  });

  test("sign in returns to the page asked for, and sign out ends the session", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

    await page.goto("/sign-in");
    await expect(page.getByText(`You are signed in as ${ADMIN.name}`)).toBeVisible();
    await page.locator(".auth-page").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in to Casebook" })).toBeVisible();

    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  });

  test("a stale session cookie gets past the proxy but the page still sends you to sign in", async ({
    page,
    context,
  }) => {
    await context.addCookies([{ name: "casebook.session_token", value: "forged.or-expired", url: E2E_BASE_URL }]);
    await page.goto("/admin/users?tab=all");
    await expect(page).toHaveURL(`${E2E_BASE_URL}/sign-in?next=%2Fadmin%2Fusers%3Ftab%3Dall`);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Scoped to the form: Next adds its own role="alert" route announcer to every page.
    await expect(page.locator("form.auth-form").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await page.context().cookies()).filter((c) => c.name.includes("session_token"))).toEqual([]);
  });

  test("/setup redirects to /sign-in once the first admin exists", async ({ page }) => {
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe("roles", () => {
  test.describe("as a viewer", () => {
    test.use({ storageState: VIEWER.storageState });

    test("/admin/users is refused with 403", async ({ page }) => {
      const response = await page.goto("/admin/users");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Forbidden" })).toBeVisible();
      await expect(page.locator("form.create-user-form")).toHaveCount(0);
    });
  });

  test.describe("as an operator", () => {
    test.use({ storageState: OPERATOR.storageState });

    test("/admin/users is refused with 403", async ({ page }) => {
      const response = await page.goto("/admin/users");
      expect(response?.status()).toBe(403);
    });
  });

  test("an admin changes a role, and a banned user cannot sign in", async ({ browser }) => {
    const adminContext = await browser.newContext({ storageState: ADMIN.storageState });
    const admin = await adminContext.newPage();
    await admin.goto("/admin/users");

    const form = admin.locator("form.create-user-form");
    await form.getByLabel("Name").fill("Temp User");
    await form.getByLabel("Email").fill("temp@casebook.test");
    await form.getByLabel("Initial password").fill("temp-e2e-password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText("Created temp@casebook.test as viewer.");

    const row = admin.locator('tr[data-email="temp@casebook.test"]');
    await row.getByLabel("Role for temp@casebook.test").selectOption("operator");
    await row.getByRole("button", { name: "Change role of temp@casebook.test" }).click();
    await expect(row.locator("form.role-form").getByRole("status")).toHaveText("temp@casebook.test is now operator.");

    await row.getByRole("button", { name: "Ban temp@casebook.test" }).click();
    await expect(row.locator("form.ban-form").getByRole("status")).toHaveText("temp@casebook.test is banned.");
    await expect(row.locator(".status")).toHaveText("Banned");
    await adminContext.close();

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto("/sign-in");
    await visitor.getByLabel("Email").fill("temp@casebook.test");
    await visitor.getByLabel("Password", { exact: true }).fill("temp-e2e-password");
    await visitor.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(visitor.locator("form.auth-form").getByRole("alert")).toHaveText(
      "This account is disabled. Ask an admin to re-enable it.",
    );
    await visitorContext.close();
  });

  test("a non-admin cannot call the user-admin API directly", async ({ browser }) => {
    const context = await browser.newContext({ storageState: VIEWER.storageState });
    const res = await context.request.post("/api/auth/admin/set-role", {
      data: { userId: "anything", role: "admin" },
      headers: { origin: E2E_BASE_URL },
    });
    expect(res.status()).toBe(403);
    await context.close();
  });
});

test("signIn helper works for other specs", async ({ page }) => {
  await signIn(page, OPERATOR, "/admin/users");
  await expect(page).toHaveURL(/\/admin\/users$/);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
});
