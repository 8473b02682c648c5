// End-to-end tests in Debian's Chromium (Playwright cannot download browsers here). The web server
// is the production build on a fresh temp database; the setup project creates the accounts.
import { defineConfig } from "@playwright/test";
import { E2E_OIDC_ISSUER, E2E_SSO_ENV } from "./e2e/support/sso";
import { E2E_BASE_URL } from "./e2e/support/users";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  outputDir: "test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /global\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  // In this order: the Casebook server reads the identity provider's discovery document at start.
  webServer: [
    {
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `${E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // The specs and e2e/support/* import no lib/ module; the server does, hence the server-only hook.
      command: "npx tsx --import ./server/server-only-hook.mjs e2e/support/server.ts",
      url: `${E2E_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      // Single sign-on against the provider above (e2e/sso.spec.ts); password sign-in works as before.
      env: E2E_SSO_ENV,
    },
  ],
});
