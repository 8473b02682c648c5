// Danger steps (issue 3): an operator sees why they cannot run one and the hub refuses a forged
// request; an admin runs it only after typing the step id, on the local agent (which the e2e
// server lets accept danger steps), and sees its output and verdict.
import { expect, test } from "@playwright/test";
import { DANGER_PLAYBOOK } from "./support/danger-playbook";
import { emitOnUi } from "./support/ui-socket";
import { ADMIN, OPERATOR } from "./support/users";

const PAGE = `/playbooks/${DANGER_PLAYBOOK.slug}`;
const RUN_BUTTON = `Run step ${DANGER_PLAYBOOK.stepTitle}`;

test.describe("as an operator", () => {
  test.use({ storageState: OPERATOR.storageState });

  test("cannot run a danger step: no Run button, the reason is shown, and a forged request is refused", async ({
    page,
  }) => {
    await page.goto(PAGE);
    const panel = page.locator("#run-panel");
    await panel.getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
    const runId = new URL(page.url()).searchParams.get("run")!;

    const card = page.locator(`#step-${DANGER_PLAYBOOK.stepId}`);
    await expect(card.locator(".step-run-reason")).toHaveText("Only an admin can run a danger step.");
    await expect(card.getByRole("button", { name: RUN_BUTTON })).toHaveCount(0);

    // Typing the id does not help an operator: the hub checks the role, not just the UI.
    await expect(
      emitOnUi(page, "step.run", {
        runId,
        stepId: DANGER_PLAYBOOK.stepId,
        confirm: true,
        typedStepId: DANGER_PLAYBOOK.stepId,
      }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: "forbidden", message: expect.stringContaining("only admins") },
    });
    await expect(emitOnUi(page, "run.subscribe", { runId })).resolves.toMatchObject({
      ok: true,
      run: { id: runId, steps: [] },
    });

    await panel.getByRole("button", { name: "Finish run" }).click();
    await expect(panel).toContainText("This run is finished.");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN.storageState });

  test("runs a danger step only after typing its id, and sees its output and verdict", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(PAGE);
    const panel = page.locator("#run-panel");
    await expect(panel.getByLabel("Host").locator("option:checked")).not.toHaveText(/offline|No host/);
    await panel.getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
    const runId = new URL(page.url()).searchParams.get("run")!;

    // The hub, not just the dialog, insists on the typed id.
    await expect(
      emitOnUi(page, "step.run", { runId, stepId: DANGER_PLAYBOOK.stepId, confirm: true, typedStepId: "wrong" }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: "forbidden", message: expect.stringContaining("type its id") },
    });

    const card = page.locator(`#step-${DANGER_PLAYBOOK.stepId}`);
    await expect(card.locator(".step-run-reason")).toHaveCount(0);
    await card.getByRole("button", { name: RUN_BUTTON }).click();

    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Run a dangerous step?" })).toBeVisible();
    await expect(dialog).toContainText(`Type ${DANGER_PLAYBOOK.stepId} to confirm`);
    const typed = dialog.getByRole("textbox");
    const confirm = dialog.getByRole("button", { name: "Run step" });
    await expect(confirm).toBeDisabled();
    await typed.fill(`${DANGER_PLAYBOOK.stepId}x`);
    await expect(confirm).toBeDisabled();
    await typed.fill(DANGER_PLAYBOOK.stepId.toUpperCase());
    await expect(confirm).toBeDisabled();
    // Enter on a wrong id does not run the step either.
    await typed.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(card.locator(".verdict")).toHaveCount(0);

    await typed.fill(DANGER_PLAYBOOK.stepId);
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(dialog).toBeHidden();

    await expect(card.locator(".step-status .verdict")).toHaveText("Passed", { timeout: 20_000 });
    await expect(card.locator(".step-exit")).toHaveText("exit 0");
    // Read the output as a user gets it, with Copy output (the terminal draws on a canvas).
    const pane = card.locator(".terminal-pane");
    await expect(pane).toHaveAttribute("data-caught-up", "true");
    await pane.getByRole("button", { name: "Copy output" }).click();
    await expect(pane.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(DANGER_PLAYBOOK.output);

    // The hub recorded it as the admin's.
    await expect(emitOnUi(page, "run.subscribe", { runId })).resolves.toMatchObject({
      ok: true,
      run: { id: runId, steps: [{ stepId: DANGER_PLAYBOOK.stepId, verdict: "passed", userName: ADMIN.name }] },
    });
    await panel.getByRole("button", { name: "Finish run" }).click();
    await expect(panel).toContainText("This run is finished.");
  });
});
