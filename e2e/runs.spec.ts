// Running playbooks: an operator runs a diagnostic step on the local agent (started by
// e2e/support/server.ts) and sees its output, verdict and the suggested next step, live and after
// a reload; a viewer can watch but not run, even by forging socket events.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { STREAM_PLAYBOOK } from "./support/stream-playbook";
import { lookAt } from "./support/look-at";
import { emitOnUi } from "./support/ui-socket";
import { OPERATOR, VIEWER } from "./support/users";

const RAY = "/playbooks/ray-actor-pending-creation-podman";
/** Set to a folder to keep screenshots of the run UI in light and dark. */
const SHOTS = process.env.CASEBOOK_E2E_SCREENSHOTS;

/** The terminal's text, read the way a user gets it: with the Copy output button. */
async function terminalText(page: Page, pane: ReturnType<Page["locator"]>): Promise<string> {
  await expect(pane).toHaveAttribute("data-caught-up", "true");
  await pane.getByRole("button", { name: "Copy output" }).click();
  await expect(pane.getByRole("button", { name: "Copied" })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function shoot(page: Page, name: string, target?: ReturnType<Page["locator"]>): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    await page.waitForTimeout(150); // the terminal repaints on the theme change
    const file = `${SHOTS}/${name}-${theme}.png`;
    if (target) await target.screenshot({ path: file });
    else await page.screenshot({ path: file });
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = "light";
  });
}

test.describe("as an operator", () => {
  test.use({ storageState: OPERATOR.storageState, viewport: { width: 1280, height: 900 } });

  test("runs the first diagnostic step on the local agent, sees output, verdict and next step, and replays it", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(RAY);
    const panel = page.locator("#run-panel");
    await expect(panel.getByRole("heading", { name: "Run this playbook" })).toBeVisible();
    const host = panel.getByLabel("Host");
    await expect(host.locator("option:checked")).not.toHaveText(/offline|No host/);
    await expect(panel.getByLabel(/Image tag you build and push/)).toHaveValue("claude-hitl-worker:latest");
    await shoot(page, "run-panel", panel);

    // Input descriptions render their `backticks` as code.
    await expect(panel.locator(".run-field-note code", { hasText: "orb -m" })).toBeVisible();
    await expect(panel.locator(".run-field-note").filter({ hasText: "`" })).toHaveCount(0);

    await panel.getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
    const runId = new URL(page.url()).searchParams.get("run")!;
    await expect(panel.locator(".active-run-summary")).toContainText("Active");
    // "Recent runs" lists the run just started, without a reload.
    const recent = panel.locator(`.recent-runs tr[data-run-id="${runId}"]`);
    await expect(recent).toContainText("Active");
    await expect(recent).toContainText("no steps");
    await expect(panel.getByRole("link", { name: "Run details" })).toHaveAttribute("href", `/runs/${runId}`);
    // A fresh run suggests the first step.
    await expect(page.locator("#step-podman-installed .suggested-chip")).toBeVisible();

    const card = page.locator("#step-podman-installed");
    await card.getByRole("button", { name: "Run step Is podman installed?" }).click();
    const verdict = card.locator(".step-status .verdict");
    await expect(verdict).toHaveText(/Passed|Failed/, { timeout: 20_000 });
    const pane = card.locator(".terminal-pane");
    const output = await terminalText(page, pane);
    const passed = (await verdict.textContent()) === "Passed";
    // Without podman the step prints its own message and exits 1; with it, podman's version.
    expect(output).toMatch(passed ? /podman version/ : /podman: not found on PATH/);
    await expect(card.locator(".step-exit")).toHaveText(passed ? "exit 0" : "exit 1");
    if (!passed) await expect(card).toContainText("Failed");
    await expect(card.locator(".step-duration")).toHaveText(/\d/);
    await expect(recent).toContainText(passed ? "1 passed" : "1 failed");

    // The suggestion follows onPass / onFail, is highlighted and one click away.
    const nextId = passed ? "subids-configured" : "install-podman";
    const nextTitle = passed ? /subordinate/i : "Install podman in the VM";
    await expect(page.locator(`#step-${nextId} .suggested-chip`)).toBeVisible();
    await expect(card.locator(".suggested-chip")).toHaveCount(0);
    await expect(panel.locator(".next-step")).toContainText("Suggested next step:");
    await expect(panel.locator(".next-step-title")).toHaveText(nextTitle);
    await expect(page.locator(".run-bar").getByRole("button", { name: /Run next step/ })).toBeVisible();
    await expect(pane.getByRole("button", { name: "Copy output" })).toBeVisible();
    await shoot(page, "terminal", card);
    await shoot(page, "run-panel-active", panel);
    if (SHOTS) {
      // The README's picture: the step card with its terminal, the suggested step and the run bar.
      await card.evaluate((el) =>
        window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 72, behavior: "instant" }),
      );
      await page.screenshot({ path: `${SHOTS}/run.png` });
    }

    // A reload rejoins the same run and replays the recorded output.
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`run=${runId}`));
    const replayed = page.locator("#step-podman-installed .terminal-pane");
    expect(await terminalText(page, replayed)).toBe(output);
    await expect(page.locator(`#step-${nextId} .suggested-chip`)).toBeVisible();

    // The run detail page lists the step with its verdict, command and a replay.
    await page.locator("#run-panel").getByRole("link", { name: "Run details" }).click();
    await expect(page).toHaveURL(`/runs/${runId}`);
    const recorded = page.locator(".run-step").first();
    await expect(recorded.getByRole("heading", { name: "Is podman installed?" })).toBeVisible();
    await expect(recorded.locator(".verdict")).toHaveText(passed ? "Passed" : "Failed");
    await recorded.getByText(/^Command/).click();
    await expect(recorded.locator(".run-step-command pre")).toContainText("command -v podman");
    await expect(recorded.getByRole("link", { name: "Download .cast" })).toHaveAttribute(
      "href",
      new RegExp(`/api/runs/${runId}/steps/[a-z0-9]+/cast$`),
    );
    await recorded.getByRole("button", { name: "Show output" }).click();
    expect(await terminalText(page, recorded.locator(".terminal-pane"))).toBe(output);
    await shoot(page, "run-detail");

    const cast = await page.request.get(
      (await recorded.getByRole("link", { name: "Download .cast" }).getAttribute("href"))!,
    );
    expect(cast.status()).toBe(200);
    const [header, ...events] = (await cast.text()).trim().split("\n");
    expect(JSON.parse(header!)).toMatchObject({ version: 2 });
    expect(events.map((line) => (JSON.parse(line) as [number, string, string])[2]).join("")).toMatch(
      passed ? /podman version/ : /podman: not found on PATH/,
    );

    // The run shows in the history of its playbook.
    await page.goto(`/runs?playbook=ray-actor-pending-creation-podman`);
    await expect(page.locator(`tr[data-run-id="${runId}"]`)).toContainText(passed ? "1 passed" : "1 failed");
  });

  test("a run link that cannot be shown says why, and the form stays usable", async ({ page }) => {
    await page.goto(`${RAY}?run=unknown`);
    const panel = page.locator("#run-panel");
    const notice = panel.locator(".run-link-notice");
    await expect(notice).toContainText("Run not found");
    await expect(notice).toContainText("“unknown”");
    await expect(panel.getByRole("button", { name: "Start run" })).toBeVisible();
    await lookAt(page, "run-link-notice");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]run=/);
  });

  test("a change step asks for confirmation before it runs", async ({ page }) => {
    await page.goto(RAY);
    await page.locator("#run-panel").getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=/);
    const card = page.locator("#step-install-podman");
    await card.getByRole("button", { name: "Run step Install podman in the VM" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Run a step that changes the host?");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(card.locator(".verdict")).toHaveCount(0);
    await page.locator("#run-panel").getByRole("button", { name: "Finish run" }).click();
    await expect(page.locator("#run-panel")).toContainText("This run is finished.");
  });
});

test.describe("while `yes` floods the terminal", () => {
  test.use({ storageState: OPERATOR.storageState });

  test("the page stays responsive, the browser's memory stays bounded, and Cancel stops the step", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/playbooks/${STREAM_PLAYBOOK.slug}`);
    await page.locator("#run-panel").getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=/);
    const card = page.locator(`#step-${STREAM_PLAYBOOK.stepId}`);
    await card.getByRole("button", { name: `Run step ${STREAM_PLAYBOOK.stepTitle}` }).click();
    await expect(card.locator(".verdict")).toHaveText("Running");
    const pane = card.locator(".terminal-pane");
    await expect(pane).toHaveAttribute("data-caught-up", "true");

    // For 3 s: the longest gap between animation frames, and how much the JS heap grew (measured
    // precisely through the DevTools protocol, after a garbage collection on both sides).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const heapUsed = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      return metrics.find((m) => m.name === "JSHeapUsedSize")!.value;
    };
    const heapBefore = await heapUsed();
    const worstFrameGapMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let worst = 0;
          const end = last + 3000;
          const tick = (now: number) => {
            worst = Math.max(worst, now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else resolve(Math.round(worst));
          };
          requestAnimationFrame(tick);
        }),
    );
    const heapGrowth = (await heapUsed()) - heapBefore;
    test.info().annotations.push({
      type: "flood",
      description: JSON.stringify({ worstFrameGapMs, heapGrowthMB: Math.round(heapGrowth / 1024 / 1024) }),
    });
    expect(worstFrameGapMs).toBeLessThan(1000);
    expect(heapGrowth / 1024 / 1024).toBeLessThan(64);

    // Buttons respond while output streams: Find opens its box and finds the flooding line.
    await pane.getByRole("button", { name: "Find" }).click();
    await pane.getByRole("searchbox", { name: "Find in output" }).fill("flow control");
    await expect(pane.locator(".terminal-find-none")).toHaveCount(0);

    await pane.getByRole("button", { name: "Cancel" }).click();
    await expect(card.locator(".verdict")).toHaveText("Cancelled", { timeout: 20_000 });
    await expect(card.locator(".step-run-reason")).toContainText("cancelled");
    await expect(pane.getByRole("button", { name: "Cancel" })).toHaveCount(0);

    // The pane's column squeezed to nothing for a moment (hidden, or caught mid-layout): the terminal
    // keeps its columns instead of fitting to FitAddon's 2-column minimum and reflowing the scrollback.
    const screenWidth = () => pane.locator(".xterm-screen").evaluate((el) => el.getBoundingClientRect().width);
    const widthBefore = await screenWidth();
    expect(widthBefore).toBeGreaterThan(300);
    const column = card.locator(".step-run-output");
    await column.evaluate((el) => {
      el.style.width = "0px";
      el.style.flexBasis = "0px";
    });
    await page.waitForTimeout(500);
    expect(await screenWidth()).toBe(widthBefore);
    await column.evaluate((el) => el.removeAttribute("style"));
    await page.waitForTimeout(300);

    // Copy returns the whole scrollback as the lines printed, not the few left after a 2-column reflow.
    const lines = (await terminalText(page, pane)).split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(10_000);
    expect(lines.slice(0, -1).every((line) => line === "casebook flow control check")).toBe(true);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: VIEWER.storageState });

  test("cannot run a step: no Run button, and forged socket events are refused", async ({ page, browser }) => {
    await page.goto(RAY);
    await expect(page.locator("#run-panel")).toContainText("Viewers can watch runs but not start them or run steps.");
    await expect(page.locator(".step-card").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Run step/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Start run" })).toHaveCount(0);

    // An operator starts a real run on the local agent, so the forged requests name real things.
    const operator = await browser.newContext({ storageState: OPERATOR.storageState });
    const operatorPage = await operator.newPage();
    await operatorPage.goto("/hosts");
    const hostHref = await operatorPage
      .locator("table.hosts-table tbody tr")
      .filter({ hasText: "Online" })
      .first()
      .getByRole("link")
      .first()
      .getAttribute("href");
    const hostId = hostHref!.split("/").pop()!;
    const started = (await emitOnUi(operatorPage, "run.start", {
      playbook: "ray-actor-pending-creation-podman",
      hostId,
      inputs: {},
    })) as { ok: boolean; runId: string };
    expect(started.ok).toBe(true);

    await expect(
      emitOnUi(page, "run.start", { playbook: "ray-actor-pending-creation-podman", hostId, inputs: {} }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    await expect(
      emitOnUi(page, "step.run", { runId: started.runId, stepId: "podman-installed" }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: "forbidden", message: expect.stringContaining("operator role") },
    });
    // Even an operator cannot send a command: the payload's unknown field is refused.
    await expect(
      emitOnUi(operatorPage, "step.run", { runId: started.runId, stepId: "podman-installed", command: "id" }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: "bad-request" },
    });
    // Watching is allowed: the viewer can join the run and sees no step ran.
    await expect(emitOnUi(page, "run.subscribe", { runId: started.runId })).resolves.toMatchObject({
      ok: true,
      run: { id: started.runId, steps: [] },
    });

    await expect(emitOnUi(operatorPage, "run.finish", { runId: started.runId })).resolves.toMatchObject({ ok: true });
    await operator.close();
  });
});
