// A diagnosis that reasons (issue 12): "Run all read steps" on the local agent walks the Ray/Podman
// playbook's decision tree on a host without podman, stops at the root cause and says why, also
// after a reload and on the run page; a check and its fix that lead back to each other are not
// suggested round and round.
import { expect, test } from "@playwright/test";
import { lookAt, lookAtPart } from "./support/look-at";
import { LOOP_PLAYBOOK } from "./support/loop-playbook";
import { OPERATOR } from "./support/users";

const RAY = "/playbooks/ray-actor-pending-creation-podman";
const STOPPED =
  "stopped: podman is missing (podman-installed failed); next step install-podman changes the host; run it yourself";

test.use({ storageState: OPERATOR.storageState, viewport: { width: 1280, height: 900 } });

test("run all reaches the Ray/Podman playbook's root cause on a host without podman and says why it stopped", async ({
  page,
}) => {
  await page.goto(RAY);
  const panel = page.locator("#run-panel");
  await expect(panel.getByLabel("Host").locator("option:checked")).not.toHaveText(/offline|No host/);
  await panel.getByRole("button", { name: "Run all read steps" }).click();
  await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
  const runId = new URL(page.url()).searchParams.get("run")!;

  const walk = panel.locator(".walk");
  const stopped = walk.locator(".walk-stopped");
  await expect(stopped).toHaveText(STOPPED, { timeout: 30_000 });
  await expect(walk.locator(".walk-path li")).toHaveCount(1);
  await expect(walk.locator('.walk-path li[data-step="podman-installed"]')).toContainText("Failed");
  // The fix is what the run suggests next; the walk did not run it, nor any other step.
  await expect(page.locator("#step-install-podman .suggested-chip")).toBeVisible();
  await expect(panel.locator(".next-step-title")).toHaveText("Install podman in the VM");
  await expect(page.locator("#step-podman-installed .verdict")).toHaveText("Failed");
  await expect(page.locator("#step-subids-configured .verdict")).toHaveCount(0);
  await lookAt(page, "diagnosis-run-panel");
  await lookAtPart(panel, "diagnosis-run-panel-close");

  // The stop reason is kept with the run: a reload still says it.
  await page.reload();
  await expect(page.locator("#run-panel .walk-stopped")).toHaveText(STOPPED);

  // And so does the run page, with the path.
  await page.goto(`/runs/${runId}`);
  await expect(page.locator(".walk-stopped")).toHaveText(STOPPED);
  await expect(page.locator(".walk-path li")).toHaveCount(1);
  await expect(page.locator('.walk-path li[data-step="podman-installed"]')).toContainText("Failed");
  await lookAt(page, "diagnosis-run-page");
  await lookAtPart(page.locator(".page-section").first(), "diagnosis-run-page-close");
});

test("a check and its fix that lead back to each other are not suggested again", async ({ page }) => {
  await page.goto(`/playbooks/${LOOP_PLAYBOOK.slug}`);
  const panel = page.locator("#run-panel");
  await panel.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/[?&]run=/);

  const check = page.locator("#step-podman-installed");
  await check.getByRole("button", { name: `Run step ${LOOP_PLAYBOOK.checkTitle}` }).click();
  await expect(check.locator(".verdict")).toHaveText("Failed", { timeout: 20_000 });
  const install = page.locator("#step-install-podman");
  await expect(install.locator(".suggested-chip")).toBeVisible();

  await install.getByRole("button", { name: `Run step ${LOOP_PLAYBOOK.installTitle}` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Run step" }).click();
  await expect(install.locator(".verdict")).toHaveText("Failed", { timeout: 20_000 });

  // install-podman goes back to podman-installed, which already ran: nothing is suggested, and the
  // run says why instead of pretending the playbook ended.
  await expect(page.locator(".suggested-chip")).toHaveCount(0);
  await expect(panel.locator(".next-step")).toHaveText(
    "No step is suggested: next step podman-installed already ran in this run.",
  );
  // Run all does not go round either.
  await panel.getByRole("button", { name: "Run all read steps" }).click();
  await expect(panel.locator(".walk-stopped")).toHaveText(
    "stopped: install-podman failed; next step podman-installed already ran in this run",
  );
  await expect(check.locator(".verdict")).toHaveText("Failed");
  await lookAt(page, "diagnosis-loop");
  await lookAtPart(panel, "diagnosis-loop-close");
});
