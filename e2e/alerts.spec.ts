// The alerts and notifications admin page: a source's secret is shown once and then works for a
// post from a monitoring system, triage is turned on with its host label, a target is added, and
// the delivery log shows the notification the alert caused.
import { expect, test } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { ADMIN } from "./support/users";

test.use({ storageState: ADMIN.storageState, viewport: { width: 1280, height: 900 } });

test("add a source and a target, post an alert, see the delivery", async ({ page }) => {
  await page.goto("/admin/alerts");
  await expect(page.getByRole("heading", { name: "Alerts and notifications", level: 1 })).toBeVisible();

  const name = `prometheus-${Date.now()}`;
  const sourceForm = page.locator("form.alerts-form").first();
  await sourceForm.getByLabel("Name").fill(name);
  await sourceForm.getByRole("button", { name: "Add source" }).click();
  const secret = await sourceForm.locator(".alerts-secret").textContent();
  expect(secret).toMatch(/^[\w-]{40,}$/);

  const row = page.locator("tr", { hasText: name });
  await row.getByLabel(`Label naming the host, for ${name}`).fill("instance");
  await row.getByRole("checkbox", { name: `Triage alerts from ${name}` }).check();
  await row.getByRole("button", { name: `Save triage for ${name}` }).click();
  await expect(row.getByRole("status")).toContainText(`Triage is on for ${name}`);

  const targetForm = page.locator("form.alerts-form").nth(1);
  await targetForm.getByLabel("Name").fill(`chat-${Date.now()}`);
  // Port 9 (discard) on loopback: fetch refuses the port outright, so the delivery is logged with the reason.
  await targetForm.getByLabel("URL").fill("http://127.0.0.1:9/services/T0/B0/X");
  await targetForm.getByRole("button", { name: "Add target" }).click();
  await expect(targetForm.getByRole("status")).toContainText("Added");

  const url = await row.locator(".alerts-url code").textContent();
  const res = await page.request.post(new URL(url!).pathname, {
    headers: { authorization: `Bearer ${secret}` },
    data: {
      alerts: [
        {
          status: "firing",
          labels: { alertname: "PodmanMissing", instance: "nowhere:9100" },
          annotations: { summary: "FileNotFoundError: [Errno 2] No such file or directory: 'podman'" },
        },
      ],
    },
  });
  expect(res.status()).toBe(202);
  await page.reload();
  await expect(page.locator("table", { hasText: "incident.opened" })).toBeVisible();
  await expect(page.locator("tr", { hasText: "incident.opened" })).toContainText("bad port");
  await lookAt(page, "admin-alerts");
});
