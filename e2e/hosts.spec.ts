// Hosts: an admin adds a host and sees its token once, an agent with that token connects only
// until the host is revoked; an admin restricts who may use a host and others see why they may not;
// viewers see the list but cannot change it.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, E2E_BASE_URL, OPERATOR, VIEWER } from "./support/users";

const AGENT_BIN = path.resolve("agent/bin/casebook-agent.js");

/** Runs a real agent with `token` until it exits or `ms` pass; resolves with its exit code (null: still running). */
function runAgent(token: string, name: string, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [AGENT_BIN, "--server", E2E_BASE_URL, "--name", name], {
      env: { ...process.env, CASEBOOK_TOKEN: token },
      stdio: "ignore",
    });
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve(null);
    }, ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN.storageState });

  test("adds a host, sees its token once, revokes it, and the agent is refused", async ({ page }) => {
    const name = `e2e-web-${Date.now().toString(36)}`;
    await page.goto("/hosts");
    await expect(page.getByRole("heading", { name: "Hosts", level: 1 })).toBeVisible();
    await page.getByLabel("Host name").fill(name);
    await page.getByRole("button", { name: "Add host" }).click();

    const reveal = page.getByRole("status", { name: `Token for ${name}` });
    await expect(reveal).toContainText(`Added ${name}.`);
    const token = (await reveal.locator("pre[data-token]").textContent())!;
    expect(token).toMatch(/^cbk_[A-Za-z0-9_-]{40,}$/);
    await expect(reveal.locator("pre[data-command]")).toHaveText(
      `CASEBOOK_TOKEN=${token} node agent/bin/casebook-agent.js --server ${E2E_BASE_URL} --name ${name}`,
    );

    const row = page.locator(`tr[data-host="${name}"]`);
    await expect(row).toContainText("Offline");
    await expect(row).toContainText(`${token.slice(0, 10)}…`);

    // Shown once: after a reload only the prefix remains.
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(page.locator(`tr[data-host="${name}"]`)).toContainText(`${token.slice(0, 10)}…`);

    // The token works: a real agent connects and the row turns online without a reload.
    const agent = runAgent(token, name, 8_000);
    await expect(page.locator(`tr[data-host="${name}"]`)).toContainText("Online", { timeout: 15_000 });
    await expect(page.locator(`tr[data-host="${name}"]`)).toContainText(/up to change/);

    await page
      .locator(`tr[data-host="${name}"]`)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await page
      .locator(`tr[data-host="${name}"]`)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    // The page re-renders with the host revoked; its agent's row flips without a reload.
    await expect(page.locator(`tr[data-host="${name}"]`)).toContainText("Revoked");
    // Revoking drops the connected agent, and it stops for good: the server refused its token.
    expect(await agent).toBe(78);
    await page.reload();
    await expect(page.locator(`tr[data-host="${name}"]`)).toContainText("Revoked");
    expect(await runAgent(token, name, 10_000)).toBe(78);
  });

  test("restricts a host to named users; an operator left out sees why, in the run picker too", async ({
    page,
    browser,
  }) => {
    const name = `e2e-db-${Date.now().toString(36)}`;
    await page.goto("/hosts");
    await page.getByLabel("Host name").fill(name);
    await page.getByRole("button", { name: "Add host" }).click();
    await page.locator(`tr[data-host="${name}"]`).getByRole("link", { name }).click();

    const form = page.getByRole("form", { name: `Who may use ${name}` });
    await form.getByLabel("Only these users").fill(`nobody@casebook.test, ${VIEWER.email}`);
    await form.getByRole("button", { name: "Save access" }).click();
    await expect(form.getByRole("alert")).toHaveText("No user has the email nobody@casebook.test.");
    await form.getByLabel("Only these users").fill(VIEWER.email);
    await form.getByRole("button", { name: "Save access" }).click();
    await expect(form.getByRole("status")).toHaveText(`${name} is restricted to ${VIEWER.name} and admins.`);
    await expect(page.locator(".facts")).toContainText(`Restricted to: ${VIEWER.name} and admins`);

    const operator = await (await browser.newContext({ storageState: OPERATOR.storageState })).newPage();
    await operator.goto(page.url());
    await expect(operator.locator(".facts")).toContainText(
      `Restricted to: ${VIEWER.name} and admins · you may not use it`,
    );
    await expect(operator.getByRole("form", { name: `Who may use ${name}` })).toHaveCount(0);
    await operator.goto("/playbooks/ray-actor-pending-creation-podman");
    const option = operator.locator("#run-host option", { hasText: name });
    await expect(option).toHaveText(`${name} — restricted to ${VIEWER.name} and admins`);
    await expect(option).toBeDisabled();
    await operator.context().close();
  });

  test("the audit log lists host changes, newest first", async ({ page }) => {
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.locator('tr[data-action="host.create"]').first()).toBeVisible();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER.storageState });

  test("sees the hosts but cannot add or revoke them, nor read the audit log", async ({ page }) => {
    await page.goto("/hosts");
    await expect(page.locator("table.hosts-table")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Add a host" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
    const audit = await page.goto("/admin/audit");
    expect(audit?.status()).toBe(403);
  });
});
