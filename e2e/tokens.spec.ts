// API tokens end to end, on the production build: made on /account/tokens (reached from the user
// menu), shown once, used as a bearer against the real server (through the proxy and route()),
// capped at the role chosen, and refused once revoked. An admin also sees everyone's tokens.
import { expect, test } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { ADMIN, E2E_BASE_URL, OPERATOR } from "./support/users";

const search = (token: string) =>
  fetch(`${E2E_BASE_URL}/api/search?q=podman`, { headers: { authorization: `Bearer ${token}` } });
const newIncident = (token: string) =>
  fetch(`${E2E_BASE_URL}/api/incidents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ incident: {} }),
  });

test.describe("as an operator", () => {
  test.use({ storageState: OPERATOR.storageState, viewport: { width: 1280, height: 900 } });

  test("makes a viewer token, sees it once, uses it, and revokes it", async ({ page }) => {
    await page.goto("/");
    await page.locator(".user-menu summary").click();
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

    const name = `e2e ${Date.now()}`;
    const form = page.locator("form.create-token-form");
    await form.getByLabel("Name").fill(name);
    await expect(form.getByLabel("Acts as").locator("option")).toHaveText(["viewer", "operator"]);
    await form.getByLabel("Acts as").selectOption("viewer");
    await form.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByLabel("The new token");
    await expect(shown).toHaveValue(/^cb_[A-Za-z]{64}$/);
    const token = await shown.inputValue();
    const row = page.locator(`tr[data-token-name="${name}"]`);
    await expect(row).toContainText("viewer");
    await expect(row).toContainText(token.slice(0, 6));
    await lookAt(page, "account-tokens");

    expect((await search(token)).status).toBe(200);
    // Capped at viewer: an operator route refuses it, with no Origin needed for a bearer-only POST.
    const refused = await newIncident(token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Forbidden: this needs the operator role, and you are viewer." });

    await page.reload();
    await expect(page.getByLabel("The new token")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(token);
    await row.getByRole("button", { name: `Revoke the token ${name}` }).click();
    await expect(row).toContainText("Revoked");
    const revoked = await search(token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: "This API token was revoked." });
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN.storageState, viewport: { width: 1280, height: 900 } });

  test("sees everyone else's tokens, with their owner (revoking them is lib/auth/api-tokens.test.ts)", async ({
    page,
  }) => {
    await page.goto("/account/tokens");
    const others = page.getByRole("region", { name: /Everyone else's tokens/ });
    await expect(others).toBeVisible();
    await expect(others).toContainText(OPERATOR.email);
    await lookAt(page, "account-tokens-admin");
  });
});
