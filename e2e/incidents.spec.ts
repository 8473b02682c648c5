// Incidents: record one, see its learning on the playbook and in search; bad input keeps what was
// typed; hostile text renders inert; a write-up round-trips through export and upload.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { lookAt } from "./support/look-at";
import { E2E_BASE_URL, OPERATOR } from "./support/users";

test.use({ storageState: OPERATOR.storageState });

const RAY = "/playbooks/ray-actor-pending-creation-podman";
const RAY_TITLE = "Ray actor stuck in PENDING_CREATION under Podman";
const unique = () => Math.random().toString(36).slice(2, 8);
// page.request sends no Origin, and route() refuses a write without this site's (a browser's own
// fetch sends it by itself).
const SAME_SITE = { origin: E2E_BASE_URL };

async function incidentCount(request: APIRequestContext): Promise<number> {
  const res = await request.get("/api/incidents");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { incidents: unknown[] }).incidents.length;
}

test(
  "an operator runs a failing step, records an incident from the run, " +
    "and its learning reaches the playbook, the step and search",
  async ({ page }) => {
    test.setTimeout(60_000);
    const id = unique();
    const error = `Error: mount /sys/fs/cgroup/casebook-${id}: permission denied`;
    const learning = `Install podman before the first run; the actor never leaves PENDING_CREATION without it (${id})`;
    const title = `Ray workers cannot start containers ${id}`;

    // Run the playbook's first check on the local agent (e2e/support/server.ts starts one).
    await page.goto(RAY);
    const panel = page.locator("#run-panel");
    await panel.getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
    const runId = new URL(page.url()).searchParams.get("run")!;
    const card = page.locator("#step-podman-installed");
    await card.getByRole("button", { name: "Run step Is podman installed?" }).click();
    const verdict = card.locator(".step-status .verdict");
    await expect(verdict).toHaveText(/Passed|Failed/, { timeout: 20_000 });
    const failed = (await verdict.textContent()) === "Failed";

    // Record the incident from the run: playbook, host, steps and the failed output are prefilled.
    await page.getByRole("link", { name: "Record incident" }).click();
    await expect(page).toHaveURL(`/incidents/new?run=${runId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record an incident from this run");
    await expect(page.getByRole("list", { name: "Chosen runs" })).toHaveText(new RegExp(`^Run of ${RAY_TITLE} on `));
    await expect(page.getByRole("list", { name: "Chosen playbooks" })).toContainText(RAY_TITLE);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(/Ray actor stuck in PENDING_CREATION/);
    await expect(page.getByLabel("Entry 2 text", { exact: true })).toHaveValue(
      /Is podman installed\?.*\(podman-installed\): (passed|failed)/,
    );
    if (failed) {
      // Without podman the step says so; that line is the symptom and the cause's evidence.
      await expect(page.getByLabel("Symptom 1", { exact: true })).toHaveValue(/podman: not found on PATH/);
      await expect(page.getByLabel("Root cause 1 title", { exact: true })).toHaveValue(
        "Step “Is podman installed?” failed",
      );
      await expect(page.getByLabel("Root cause 1 evidence", { exact: true })).toHaveValue(/command -v podman/);
      await expect(page.getByLabel("Learning 1 step", { exact: true })).toHaveValue("podman-installed");
    } else {
      await page.getByRole("button", { name: "Add root cause" }).click();
      await page.getByRole("button", { name: "Add learning" }).click();
      await page.getByLabel("Learning 1 playbook", { exact: true }).selectOption({ label: RAY_TITLE });
      await page.getByLabel("Learning 1 step", { exact: true }).selectOption({ label: "Is podman installed?" });
    }
    await lookAt(page, "incident-from-run");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Severity", { exact: true }).selectOption("SEV2");
    await page.getByRole("button", { name: "Add symptom" }).click();
    await page.getByLabel(failed ? "Symptom 2" : "Symptom 1", { exact: true }).fill(error);
    await page.getByLabel("Root cause 1 title", { exact: true }).fill("Podman is not installed on the host");
    await page.getByLabel("Root cause 1 fix", { exact: true }).fill("```bash\nsudo apt-get install -y podman\n```");
    await page.getByLabel("Learning 1 text", { exact: true }).fill(learning);
    await page.getByRole("button", { name: "Record incident" }).click();

    await expect(page).toHaveURL(/\/incidents\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("#symptoms")).toContainText(error);
    await expect(page.locator("#cause-1")).toContainText("sudo apt-get install -y podman");
    await expect(page.locator("#learnings")).toContainText(learning);
    const runLink = page.getByRole("link", { name: new RegExp(`^Run of ${RAY_TITLE} on .+ UTC$`) });
    await expect(runLink.first()).toHaveAttribute("href", `/runs/${runId}`);
    await expect(page.locator("#timeline")).toContainText("podman-installed");
    // Each step's entry links to its own step run, labelled by the run, never just "link".
    await expect(page.locator("#timeline").getByRole("link", { name: "link", exact: true })).toHaveCount(0);
    await expect(page.locator(`#timeline a[href^="/runs/${runId}#step-run-"]`).first()).toHaveText(/^Run of /);

    // The feedback loop: on the playbook page, and at the step it was attached to.
    await page.goto(RAY);
    const learnings = page.locator("#learnings");
    await expect(learnings.getByRole("heading", { name: /^Learnings from \d+ incidents?$/ })).toBeVisible();
    await expect(learnings).toContainText(learning);
    // The list starts collapsed on the long page.
    await learnings.locator("summary").click();
    await expect(learnings.getByRole("link", { name: title })).toBeVisible();
    await expect(page.locator("#step-podman-installed")).toContainText(learning);

    // Pasting the error finds the incident beside the playbooks, with what fixed it.
    await page.goto(`/search?q=${encodeURIComponent(error)}`);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expect(page.getByText("Podman is not installed on the host").first()).toBeVisible();
    const api = await page.request.get(`/api/search?q=${encodeURIComponent(error)}`);
    const { results } = (await api.json()) as { results: Array<{ kind: string; title: string }> };
    expect(results.some((r) => r.kind === "incident" && r.title === title)).toBe(true);
  },
);

test("bad input gets reasons next to the fields, keeps what was typed, and saves nothing", async ({ page }) => {
  const before = await incidentCount(page.request);
  await page.goto("/incidents/new");
  await page.getByLabel("Title", { exact: true }).fill("Dates out of order");
  await page.getByLabel("Problem summary", { exact: true }).fill("Typed text that **must survive** a rejected save.");
  await page.getByLabel("Started (UTC)", { exact: true }).fill("2025-11-05T10:00");
  await page.getByLabel("Detected (UTC)", { exact: true }).fill("2025-11-05T09:00");
  await page.getByRole("button", { name: "Add root cause" }).click();
  await page.getByLabel("Root cause 1 fix", { exact: true }).fill("a fix without a title");
  await page.getByRole("button", { name: "Record incident" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
  await expect(alert).toContainText("Nothing was saved");
  await expect(alert).toContainText("Detected must not be before Started");
  await expect(alert).toContainText("Title is required");
  await expect(page.getByLabel("Detected (UTC)", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/incidents\/new$/);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Dates out of order");
  await expect(page.getByLabel("Problem summary", { exact: true })).toHaveValue(
    "Typed text that **must survive** a rejected save.",
  );
  await expect(page.getByLabel("Root cause 1 fix", { exact: true })).toHaveValue("a fix without a title");

  // The API answers 4xx with a reason per field.
  const res = await page.request.post("/api/incidents", {
    headers: SAME_SITE,
    data: {
      incident: {
        title: "x".repeat(201),
        severity: "SEV9",
        startedAt: "2025-11-05T10:00:00Z",
        resolvedAt: "2025-11-04T10:00:00Z",
        summary: "y".repeat(50_001),
      },
    },
  });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { issues: Array<{ path: string; message: string }> };
  expect(body.issues).toEqual(
    expect.arrayContaining([
      { path: "title", message: "Title must be at most 200 characters" },
      { path: "severity", message: "Severity must be one of SEV1, SEV2, SEV3, SEV4" },
      { path: "summary", message: "Summary must be at most 50,000 characters" },
      { path: "resolvedAt", message: "Resolved must not be before Started" },
    ]),
  );
  expect(await incidentCount(page.request)).toBe(before);
});

const PAYLOADS = {
  script: '<script>alert("script")</script>',
  img: "<img src=x onerror=\"alert('img')\">",
  svg: "<svg onload=alert('svg')></svg>",
  link: "[click me](javascript:alert('link'))",
};
const HOSTILE = Object.values(PAYLOADS).join(" ");

async function expectInert(page: Page, dialogs: string[]) {
  await page.waitForLoadState("networkidle");
  // Let any handler that could fire (onload/onerror) have its turn.
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  const injectedScripts = await page
    .locator("script")
    .evaluateAll((els) => els.filter((e) => /^\s*alert\(/.test(e.textContent ?? "")).length);
  expect(injectedScripts).toBe(0);
  await expect(page.locator("[onerror], [onload], [onclick]")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
}

test("<script> and event-handler payloads in every text field render inert", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const id = unique();
  const res = await page.request.post("/api/incidents", {
    headers: SAME_SITE,
    data: {
      incident: {
        title: `XSS ${id} ${PAYLOADS.script}`,
        severity: "SEV4",
        environment: PAYLOADS.img,
        symptoms: [HOSTILE],
        summary: HOSTILE,
        resolution: HOSTILE,
        tags: ["xss-test"],
        timeline: [{ at: "2025-11-05T09:00:00Z", kind: "note", text: HOSTILE }],
        rootCauses: [
          {
            title: PAYLOADS.script,
            symptom: HOSTILE,
            cause: HOSTILE,
            evidence: HOSTILE,
            fix: HOSTILE,
            prevention: HOSTILE,
          },
        ],
        learnings: [
          {
            kind: "insight",
            text: `${HOSTILE} ${id}`,
            playbookSlug: "ray-actor-pending-creation-podman",
            stepId: "podman-installed",
          },
        ],
        actionItems: [{ text: PAYLOADS.img, owner: PAYLOADS.script }],
      },
    },
  });
  expect(res.status()).toBe(201);
  const { id: incidentId } = (await res.json()) as { id: string };

  await page.goto(`/incidents/${incidentId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`XSS ${id} ${PAYLOADS.script}`);
  await expect(page.locator("#symptoms")).toContainText(PAYLOADS.img);
  await expectInert(page, dialogs);

  for (const path of [
    "/incidents?tag=xss-test",
    `/incidents/${incidentId}/edit`,
    `/incidents/${incidentId}/draft`,
    RAY,
    `/search?q=${encodeURIComponent(`XSS ${id}`)}`,
  ]) {
    await page.goto(path);
    await expectInert(page, dialogs);
  }
});

test("a write-up exported as Markdown uploads back as the same incident", async ({ page }) => {
  const id = unique();
  const created = await page.request.post("/api/incidents", {
    headers: SAME_SITE,
    data: {
      incident: {
        title: `Round trip ${id}`,
        severity: "SEV3",
        status: "resolved",
        startedAt: "2025-11-05T09:00:00Z",
        symptoms: ["manifest unknown: manifest unknown"],
        rootCauses: [
          {
            title: "Wrong digest type",
            symptom: "`manifest unknown`",
            fix: '```bash\npodman push "$IMAGE"\n```',
            prevention: "Pin the manifest digest.",
          },
        ],
        learnings: [{ kind: "insight", text: "Digest types matter\n\nUse `.RepoDigests[0]`." }],
        actionItems: [{ text: "Fix the build script", owner: "ops", done: true }],
      },
    },
  });
  expect(created.status()).toBe(201);
  const { id: original } = (await created.json()) as { id: string };
  const md = await (await page.request.get(`/api/incidents/${original}/export?format=md`)).text();
  expect(md).toContain("## Root Causes Identified");

  await page.goto("/incidents/import");
  await page
    .getByLabel("Write-up file", { exact: true })
    .setInputFiles({ name: "round-trip.md", mimeType: "text/markdown", buffer: Buffer.from(md) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/incidents\/(?!import)[a-z0-9-]+$/);
  const copy = page.url().split("/").pop()!;
  expect(copy).not.toBe(original);

  const strip = (i: Record<string, unknown>) => {
    const { id: _i, createdAt: _c, updatedAt: _u, authors: _a, ...rest } = i;
    return rest;
  };
  const a = (await (await page.request.get(`/api/incidents/${original}`)).json()) as {
    incident: Record<string, unknown>;
  };
  const b = (await (await page.request.get(`/api/incidents/${copy}`)).json()) as { incident: Record<string, unknown> };
  expect(strip(b.incident)).toEqual(strip(a.incident));

  // A broken upload is refused with the file and line, and nothing is saved.
  const before = await incidentCount(page.request);
  await page.goto("/incidents/import");
  await page
    .getByLabel("Write-up file", { exact: true })
    .setInputFiles({ name: "bad.md", mimeType: "text/markdown", buffer: Buffer.from("# Bad\n\n**Severity**: SEV9\n") });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText(
    "bad.md:3: Severity must be one of SEV1, SEV2, SEV3, SEV4",
  );
  expect(await incidentCount(page.request)).toBe(before);
});

test(
  "the form comes in four parts with the optional ones folded, and pickers choose playbooks and runs " +
    "from the keyboard",
  async ({ page }) => {
    test.setTimeout(120_000);
    const id = unique();
    // A run to pick.
    await page.goto(RAY);
    await page.locator("#run-panel").getByRole("button", { name: "Start run" }).click();
    await expect(page).toHaveURL(/[?&]run=[a-z0-9]+/);
    const runId = new URL(page.url()).searchParams.get("run")!;
    const { run } = (await (await page.request.get(`/api/runs/${runId}`)).json()) as { run: { hostName: string } };

    await page.goto("/incidents/new");
    for (const part of ["What happened", "Cause and fix", "Links", "Learnings"])
      await expect(page.getByRole("heading", { level: 2, name: part, exact: true })).toBeVisible();
    // Folded until wanted: nothing in them yet.
    for (const button of ["Add timeline entry", "Add action item"])
      await expect(page.getByRole("button", { name: button })).toBeHidden();
    await expect(page.getByLabel("Resolution", { exact: true })).toBeHidden();
    await lookAt(page, "incident-new");

    // Playbooks: type to filter, arrows to move, Enter to choose (never submitting), Escape to close.
    const playbooks = page.getByRole("combobox", { name: "Playbooks" });
    await playbooks.fill("ray");
    const list = page.getByRole("listbox", { name: "Playbooks" });
    await expect(list.getByRole("option")).toHaveText([/^Ray actor stuck/, /^Ray cluster in an OrbStack VM/]);
    await expect(list.getByRole("option", { selected: true })).toHaveText(/^Ray actor stuck/);
    await playbooks.press("ArrowDown");
    await expect(list.getByRole("option", { selected: true })).toHaveText(/^Ray cluster in an OrbStack VM/);
    await lookAt(page, "incident-new-picker");
    await playbooks.press("Enter");
    const chosen = page.getByRole("list", { name: "Chosen playbooks" });
    await expect(chosen).toContainText("Ray cluster in an OrbStack VM for macOS development");
    await expect(playbooks).toHaveValue("");
    await expect(page).toHaveURL(/\/incidents\/new$/);
    await playbooks.fill("podman");
    await expect(list).toBeVisible();
    await playbooks.press("Escape");
    await expect(list).toBeHidden();
    await expect(playbooks).toHaveValue("podman");
    await playbooks.press("Escape");
    await expect(playbooks).toHaveValue("");
    // With nothing typed, ArrowDown opens every playbook not chosen yet; ArrowUp wraps to the last.
    await playbooks.press("ArrowDown");
    await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await expect(list.getByRole("option", { name: /OrbStack/ })).toHaveCount(0);
    await playbooks.press("ArrowUp");
    await expect(list.getByRole("option").last()).toHaveAttribute("aria-selected", "true");
    await playbooks.press("Escape");
    await playbooks.pressSequentially("pending podman");
    await playbooks.press("Enter");
    await expect(chosen.getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: "Remove Ray cluster in an OrbStack VM for macOS development" }).click();
    await expect(chosen.getByRole("listitem")).toHaveCount(1);

    // Runs: found by playbook, host and date together.
    const runs = page.getByRole("combobox", { name: "Runs" });
    await runs.fill(`pending ${run.hostName} ${new Date().toISOString().slice(0, 10)}`);
    const runList = page.getByRole("listbox", { name: "Runs" });
    await expect(runList.locator(`[id$="-${runId}"]`)).toBeVisible();
    for (let i = 0; i < 20 && !(await runs.getAttribute("aria-activedescendant"))?.endsWith(runId); i++)
      await runs.press("ArrowDown");
    await runs.press("Enter");
    await expect(page.getByRole("list", { name: "Chosen runs" })).toHaveText(
      new RegExp(`^Run of ${RAY_TITLE} on ${run.hostName}, `),
    );

    // A problem inside a folded part opens it.
    await page.locator("summary", { hasText: "Timeline" }).click();
    await page.getByRole("button", { name: "Add timeline entry" }).click();
    await page.getByLabel("Entry 1 link", { exact: true }).fill(`/runs/${runId}`);
    await page.getByRole("button", { name: "Add timeline entry" }).click();
    await page.getByLabel("Entry 2 text", { exact: true }).fill("Upstream issue");
    await page.getByLabel("Entry 2 link", { exact: true }).fill("https://github.com/ray-project/ray/issues/1");
    await page.locator("summary", { hasText: "Timeline" }).click();
    await expect(page.getByLabel("Entry 1 text", { exact: true })).toBeHidden();
    await page.getByLabel("Title", { exact: true }).fill(`Pickers ${id}`);
    await page.getByRole("button", { name: "Record incident" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toContainText("Text is required");
    await expect(page.getByLabel("Entry 1 text", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Entry 1 text", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Entry 1 text", { exact: true }).fill("Run started by hand");
    await page.getByRole("button", { name: "Record incident" }).click();

    // The incident page: links named by what they point to.
    await expect(page).toHaveURL(/\/incidents\/[a-z0-9-]+$/);
    const timeline = page.locator("#timeline");
    await expect(timeline.getByRole("link", { name: "github.com", exact: true })).toBeVisible();
    await expect(
      timeline.getByRole("link", { name: new RegExp(`^Run of ${RAY_TITLE} on ${run.hostName}, `) }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "link", exact: true })).toHaveCount(0);
    await lookAt(page, "incident-page");

    // Editing: what holds something starts open, chosen links show as chips.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page.getByLabel("Entry 2 link", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add action item" })).toBeHidden();
    await expect(page.getByRole("list", { name: "Chosen playbooks" })).toContainText(RAY_TITLE);
    await lookAt(page, "incident-edit");
  },
);

test("without JavaScript the links are the plain comma-separated fields", async ({ browser }) => {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    storageState: OPERATOR.storageState,
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto("/incidents/new");
  await expect(page.getByRole("textbox", { name: "Playbooks", exact: true })).toBeVisible();
  await expect(page.getByText("Comma-separated playbook slugs")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Playbooks" })).toHaveCount(0);
  // The folds still open: they are <details>.
  await page.locator("summary", { hasText: "Follow-up" }).click();
  await expect(page.getByRole("button", { name: "Add action item" })).toBeVisible();
  await context.close();
});
