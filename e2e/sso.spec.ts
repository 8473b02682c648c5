// Single sign-on in a real browser against a real OpenID Connect provider (e2e/support/oidc-server.ts):
// "Sign in with Test IdP", the provider's own login page, and back into Casebook with the role the
// person's groups map to; an admin turning password sign-in off and on again.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { lookAt, lookAtPart } from "./support/look-at";
import { E2E_OIDC_ISSUER, E2E_OIDC_NAME, SSO_ADMIN, SSO_OPERATOR, SSO_OUTSIDER } from "./support/sso";
import { ADMIN, E2E_BASE_URL } from "./support/users";

type IdpAccount = { email: string; password: string };

/** From Casebook's sign-in page through the provider's login form; resolves once back in Casebook. */
async function signInWithIdp(page: Page, account: IdpAccount): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${E2E_OIDC_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC_ISSUER}/interaction/`));
  await expect(page.getByRole("heading", { name: "Test IdP sign-in" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_BASE_URL}/`));
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("sign-in through the identity provider gives the role the person's groups map to", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await lookAt(page, "sso-sign-in");

  // Nobody made Sam an account: just-in-time accounts are on, and "oncall" maps to operator.
  await signInWithIdp(page, SSO_OPERATOR);
  await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
  await page.goto("/sign-in");
  await expect(page.locator(".auth-page")).toContainText(
    `You are signed in as ${SSO_OPERATOR.name} (${SSO_OPERATOR.email}, operator).`,
  );
  await page.context().close();
});

test("someone in no mapped group is refused and told why", async ({ browser }) => {
  const page = await freshPage(browser);
  await signInWithIdp(page, SSO_OUTSIDER);
  await expect(page).toHaveURL(/\/sign-in\?error=sso_no_role/);
  await expect(page.locator(".auth-page").getByRole("alert")).toContainText(
    `${E2E_OIDC_NAME} does not put you in any group that has access to Casebook.`,
  );
  expect((await page.context().cookies()).filter((c) => c.name.includes("session_token"))).toEqual([]);
  await page.context().close();
});

test("an admin who signed in by SSO turns password sign-in off, and on again", async ({ browser, request }) => {
  const admin = await freshPage(browser);
  await signInWithIdp(admin, SSO_ADMIN);
  await admin.goto("/admin/users");
  const section = admin.locator(`section[aria-labelledby="sign-in"]`);
  await expect(section).toContainText(E2E_OIDC_NAME);
  await lookAtPart(section, "sso-admin-setting-on");

  await section.getByRole("button", { name: "Turn password sign-in off" }).click();
  try {
    await expect(section.getByRole("status")).toHaveText(
      "Password sign-in is off: people sign in with single sign-on.",
    );
    await lookAtPart(section, "sso-admin-setting-off");

    const visitor = await freshPage(browser);
    await visitor.goto("/sign-in");
    await expect(visitor.getByText("Password sign-in is turned off on this Casebook.")).toBeVisible();
    await expect(visitor.getByLabel("Password", { exact: true })).toHaveCount(0);
    await lookAt(visitor, "sso-sign-in-password-off");
    await visitor.context().close();

    const refused = await request.post("/api/auth/sign-in/email", {
      headers: { origin: E2E_BASE_URL },
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({
      message: `Password sign-in is turned off. Sign in with ${E2E_OIDC_NAME}.`,
    });
  } finally {
    // The other specs sign in with passwords.
    await admin.goto("/admin/users");
    await section.getByRole("button", { name: "Turn password sign-in on" }).click();
    await expect(section.getByRole("status")).toHaveText("Password sign-in is on.");
  }
  await admin.context().close();
});
