// Captured values (issue 12): a step captures a version and a secret token from its output, the run
// shows them (the secret masked), Copy on a later step fills the run's values in for $NAME (secrets
// stay $NAME), the confirmation dialog shows the exact command and its variables, and the change step
// gets the captured values in its environment on the local agent.
import { expect, test, type Page } from "@playwright/test";
import { CAPTURES_PLAYBOOK as P } from "./support/captures-playbook";
import { lookAt } from "./support/look-at";
import { OPERATOR } from "./support/users";

test.use({ storageState: OPERATOR.storageState, viewport: { width: 1280, height: 900 } });

async function terminalText(page: Page, card: ReturnType<Page["locator"]>): Promise<string> {
  const pane = card.locator(".terminal-pane");
  await expect(pane).toHaveAttribute("data-caught-up", "true");
  await pane.getByRole("button", { name: "Copy output" }).click();
  await expect(pane.getByRole("button", { name: "Copied" })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test("a captured value reaches the next step, shows on the run, in Copy and in the confirmation", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/playbooks/${P.slug}`);
  const panel = page.locator("#run-panel");
  await expect(panel.getByLabel("Host").locator("option:checked")).not.toHaveText(/offline|No host/);
  await panel.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
  const runId = new URL(page.url()).searchParams.get("run")!;

  const version = page.locator("#step-read-version");
  await version.getByRole("button", { name: "Run step Read the version" }).click();
  await expect(version.locator(".step-run")).toHaveAttribute("data-verdict", "passed");
  await expect(version.getByRole("list", { name: "Captured by Read the version" })).toHaveText(
    `FAKEPOD_VERSION=${P.version}`,
  );

  const mint = page.locator("#step-mint-token");
  await mint.getByRole("button", { name: "Run step Mint a session token" }).click();
  await expect(mint.locator(".step-run")).toHaveAttribute("data-verdict", "passed");
  await expect(mint.getByRole("list", { name: "Captured by Mint a session token" })).toHaveText("SESSION_TOKEN=••••••");
  await expect(panel.getByRole("list", { name: "Captured values" })).toHaveText(
    `FAKEPOD_VERSION=${P.version}SESSION_TOKEN=••••••`,
  );
  await expect(panel.getByRole("list", { name: "Inputs" })).toHaveText("WHO=opsAPI_KEY=••••••");

  // Copy fills in what the run knows; the secret input and the secret capture stay variables.
  const use = page.locator(`#step-${P.use.id}`);
  await use.locator(".code-block").hover();
  await use.getByRole("button", { name: "Copy code" }).click();
  await expect(use.getByRole("button", { name: "Copy code" })).toContainText("Copied with run values");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `echo "upgrading from ${P.version} for ops with \${SESSION_TOKEN} and $API_KEY"`,
  );

  await use.getByRole("button", { name: `Run step ${P.use.title}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Run a step that changes the host?" })).toBeVisible();
  await expect(dialog.locator(".confirm-command")).toHaveText(P.use.command);
  await expect(dialog.getByRole("list", { name: "Variables the step runs with" })).toHaveText(
    `WHO=opsAPI_KEY=••••••FAKEPOD_VERSION=${P.version}SESSION_TOKEN=••••••`,
  );
  await lookAt(page, "captures-confirm");
  await dialog.getByRole("button", { name: "Run step" }).click();

  await expect(use.locator(".step-run")).toHaveAttribute("data-verdict", "passed");
  // The captured values arrived in the environment; the secret one is masked in the output.
  expect(await terminalText(page, use)).toContain(`upgrading from ${P.version} for ops with ******** and ********`);
  // The step that printed it showed it before it was captured.
  await mint.getByRole("button", { name: "Show output" }).click();
  expect(await terminalText(page, mint)).toContain(P.token);
  await page.locator("#run-panel").scrollIntoViewIfNeeded();
  await lookAt(page, "captures-playbook");

  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("list", { name: "Captured values" })).toHaveText(
    `FAKEPOD_VERSION=${P.version}SESSION_TOKEN=••••••`,
  );
  await expect(page.getByRole("list", { name: "Captured by Read the version" })).toBeVisible();
  await lookAt(page, "captures-run-page");
});
