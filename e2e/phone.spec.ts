// Phone width (issue 12 §3): every page at 390 px is no wider than the phone, the header's links
// are reachable through the menu button, and the run bar stays one line and off the terminal.
// The pages come from app/**/page.tsx (testing/entry-points.ts), so a new page fails the table
// test below until it has a line saying where to look at it.
import { expect, test, type Page } from "@playwright/test";
import { tableGaps } from "../testing/authorisation";
import { pageFiles, pagePath } from "../testing/entry-points";
import { fillSegments } from "../testing/segments";
import { keepingScreenshots, lookAt } from "./support/look-at";
import { emitOnUi } from "./support/ui-socket";
import { ADMIN } from "./support/users";

const PHONE = { width: 390, height: 844 };
const RAY = "ray-actor-pending-creation-podman";

/** What the visits share: things made in beforeAll, by the folder their segment follows. */
interface Seeded {
  segments: Record<string, string>;
  /** Every playbook's slug, so each one's code and tables are looked at. */
  slugs: string[];
  /** A run on RAY that has run a step and is still active: the run panel, chips and run bar show. */
  activeRunId: string;
}

interface PhoneEntry {
  /** The addresses to look at; the page's path with its segments filled when left out. */
  urls?: (s: Seeded, path: string) => string[];
  /** Looked at signed out (the pages before sign-in). */
  anonymous?: true;
}

const EXAMPLE = "{}";

/** Where to look at each page; `{}` is its own path as the admin, who may see every page. */
const PAGES: Record<string, PhoneEntry> = {
  "page.tsx": {},
  "account/tokens/page.tsx": {},
  "admin/alerts/page.tsx": {},
  "admin/audit/page.tsx": {},
  "admin/users/page.tsx": {},
  "drafts/[id]/page.tsx": {},
  "drafts/page.tsx": {},
  "help/agent/page.tsx": {},
  "help/api/page.tsx": {},
  "help/page.tsx": {},
  "help/playbook-format/page.tsx": {},
  "help/writing-playbooks/page.tsx": {},
  "hosts/[id]/page.tsx": {},
  "hosts/page.tsx": {},
  "incidents/[id]/draft/page.tsx": {},
  "incidents/[id]/edit/page.tsx": {},
  "incidents/[id]/page.tsx": {},
  "incidents/import/page.tsx": {},
  "incidents/new/page.tsx": {},
  "incidents/page.tsx": {},
  "playbooks/[slug]/page.tsx": {
    urls: (s) => [`/playbooks/${RAY}?run=${s.activeRunId}`, ...s.slugs.map((slug) => `/playbooks/${slug}`)],
  },
  "playbooks/page.tsx": {},
  "runs/[id]/page.tsx": {},
  "runs/page.tsx": {},
  "search/page.tsx": { urls: (_, path) => [`${path}?q=${encodeURIComponent("EACCES: permission denied, open")}`] },
  // Once the first admin exists, /setup sends everyone to sign in; looked at all the same.
  "setup/page.tsx": { anonymous: true },
  "sign-in/page.tsx": { anonymous: true },
  "tags/[tag]/page.tsx": {},
  "tags/page.tsx": {},
};

/** Not a page.tsx: app/not-found.tsx, shown for any unknown address. */
const NOT_FOUND = "/no-such-page";

/** The elements that stick out past `limit`, deepest first, for a failure message that says where to look. */
function overflowing(page: Page, limit: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const past = (el: Element) => el.getBoundingClientRect().right > limit + 0.5;
    // Inside a scroller that fits, unless positioned out of it (an absolute box escapes a static scroller).
    const clipped = (el: Element): boolean => {
      let escapes = getComputedStyle(el).position;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (escapes === "fixed") return false;
        const style = getComputedStyle(p);
        if (escapes === "absolute" && style.position === "static") continue;
        if (style.overflowX !== "visible" && !past(p)) return true;
        escapes = style.position;
      }
      return false;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}`;
    const sticksOut = (el: Element) => past(el) && !clipped(el);
    return [...document.body.querySelectorAll("*")]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
      .slice(0, 8)
      .map((el) => {
        const trail = [el.parentElement?.parentElement, el.parentElement, el].filter(Boolean).map((e) => name(e!));
        return `${trail.join(" > ")} ends at ${Math.round(el.getBoundingClientRect().right)} px`;
      });
  }, limit);
}

/**
 * Laid out as the reader sees it: scripts run (the load event waits for Next's async chunks), web
 * fonts in, and two frames for hydration's first paint. Not "networkidle", which waits half a
 * second of quiet on every address for nothing the width depends on.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

/** Soft, so one run names every page that is too wide; says whether this one fits. */
async function expectPhoneWidth(page: Page, url: string): Promise<boolean> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const culprits = width > PHONE.width ? await overflowing(page, PHONE.width) : [];
  expect
    .soft(width, `${url} is ${width} px wide at ${PHONE.width} px:\n${culprits.join("\n")}`)
    .toBeLessThanOrEqual(PHONE.width);
  return width <= PHONE.width;
}

const shotName = (url: string) =>
  `phone${url
    .replace(/\?run=.*/, "-with-run")
    .replace(/\?.*/, "-query")
    .replace(/[^\w-]+/g, "-")}`;

test.describe("the phone page table", () => {
  test("has one entry for every page, and none for anything else", () => {
    expect(tableGaps(pageFiles(), PAGES, "PAGES in e2e/phone.spec.ts", EXAMPLE)).toEqual([]);
  });
});

test.describe("at 390 px", () => {
  test.use({ storageState: ADMIN.storageState, viewport: PHONE });
  let seeded: Seeded;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: ADMIN.storageState });
    const page = await context.newPage();
    seeded = await seed(page);
    await context.close();
  });

  for (const file of pageFiles().filter((f) => f in PAGES)) {
    test(file, async ({ page, browser }) => {
      const entry = PAGES[file]!;
      const path = fillSegments(pagePath(file), seeded.segments).path;
      const urls = entry.urls?.(seeded, path) ?? [path];
      test.setTimeout(30_000 * urls.length); // a long playbook's full-page shots take a while
      const visitor = entry.anonymous ? await (await browser.newContext({ viewport: PHONE })).newPage() : page;
      for (const url of urls) {
        await visitor.setViewportSize(PHONE); // lookAt leaves the page at 1280 px
        await visitor.goto(url);
        await settled(visitor);
        // lookAt's own width check is a hard one: a page already found too wide is not looked at.
        // Without screenshots to keep, lookAt would only repeat the width check just made.
        if ((await expectPhoneWidth(visitor, url)) && keepingScreenshots) await lookAt(visitor, shotName(url));
      }
      if (entry.anonymous) await visitor.context().close();
    });
  }

  test("the 404 page", async ({ page }) => {
    await page.goto(NOT_FOUND);
    await expectPhoneWidth(page, NOT_FOUND);
    await lookAt(page, "phone-not-found");
  });

  test("the run bar is one short line, and scrolling to a terminal stops above it", async ({ page }) => {
    await page.goto(`/playbooks/${RAY}?run=${seeded.activeRunId}`);
    const bar = page.getByRole("region", { name: "Current run" });
    await expect(bar).toContainText("Next:");
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(48);
    const pane = page.locator("#step-podman-installed .terminal-pane");
    // Its output written, so it has grown to its full height.
    await expect(pane).toHaveAttribute("data-caught-up", "true");
    // As a find match, a focused control or a step link brings it into view: from below, to its end.
    await pane.evaluate((el) => el.scrollIntoView({ block: "end", behavior: "instant" }));
    const paneBox = (await pane.boundingBox())!;
    const barBox = (await bar.boundingBox())!;
    expect(paneBox.y + paneBox.height).toBeLessThanOrEqual(barBox.y);
  });
});

test.describe("the menu button", () => {
  test.use({ storageState: ADMIN.storageState, viewport: PHONE });

  test("opens the links a phone has no room for; Escape, a click outside and navigating close it", async ({ page }) => {
    await page.goto("/playbooks");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = nav.getByRole("button", { name: "Menu" });
    const link = (name: string) => nav.getByRole("link", { name, exact: true });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    for (const name of ["Incidents", "Runs", "Hosts"]) await expect(link(name)).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`)).toBeVisible();
    for (const name of ["Incidents", "Runs", "Hosts"]) await expect(link(name)).toBeInViewport();
    await expect(link("Playbooks")).toHaveAttribute("aria-current", "page");
    await lookAt(page, "phone-menu-open");
    await page.setViewportSize(PHONE);

    // From the keyboard: Escape closes it and gives focus back; Enter opens it and Tab walks the links.
    await link("Runs").focus();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(link("Playbooks")).toBeFocused();

    await page.mouse.click(5, PHONE.height - 10); // the page's margin, under no link
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    for (const [name, path] of [
      ["Incidents", "/incidents"],
      ["Runs", "/runs"],
      ["Hosts", "/hosts"],
    ] as const) {
      await menu.click();
      await link(name).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(link(name)).toBeHidden();
    }
  });

  test("is not shown on a wide screen, where the links sit in the bar", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/playbooks");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
    for (const name of ["Playbooks", "Tags", "Incidents", "Runs", "Hosts"])
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  });
});

/** An incident, a draft, this machine's host, a finished run and an active one, through the real UI and API. */
async function seed(page: Page): Promise<Seeded> {
  await page.goto("/hosts");
  // Writes through the API carry the page's origin, as the browser's own requests do.
  const write = { origin: new URL(page.url()).origin };
  const incident = await page.request.post("/api/incidents", {
    headers: write,
    data: { incident: { title: "Phone width incident", severity: "SEV3", status: "investigating" } },
  });
  expect(incident.status()).toBe(201);
  const fence = "`".repeat(3);
  const draft = await page.request.post(`/api/drafts?name=phone-${Date.now().toString(36)}.mdx`, {
    headers: { ...write, "content-type": "text/markdown" },
    data: [
      "---\ntitle: Phone draft\nsummary: Looked at on a phone.\n---",
      `<Step id="look" title="Look">\n\n${fence}bash\nuptime\n${fence}\n\n</Step>\n`,
    ].join("\n\n"),
  });
  expect(draft.status(), await draft.text()).toBe(201);

  const online = page.locator('tr[data-host]:has-text("Online") a[href^="/hosts/"]').first();
  const hostId = (await online.getAttribute("href"))!.split("/").pop()!;
  const finished = await runOneStep(page, hostId);
  await expect(emitOnUi(page, "run.finish", { runId: finished })).resolves.toMatchObject({ ok: true });
  const active = await runOneStep(page, hostId);

  await page.goto("/playbooks");
  const hrefs = await page
    .locator('a[href^="/playbooks/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  const slugs = [...new Set(hrefs.map((href) => href.split(/[/?#]/)[2]!))];
  return {
    segments: {
      drafts: ((await draft.json()) as { id: string }).id,
      incidents: ((await incident.json()) as { id: string }).id,
      hosts: hostId,
      runs: finished,
      playbooks: RAY,
      tags: "podman",
    },
    slugs,
    activeRunId: active,
  };
}

/** Starts a run of RAY on the host and runs its first step to the end; returns the run's id. */
async function runOneStep(page: Page, hostId: string): Promise<string> {
  const started = (await emitOnUi(page, "run.start", { playbook: RAY, hostId, inputs: {} })) as {
    ok: boolean;
    runId: string;
  };
  expect(started.ok).toBe(true);
  const ran = await emitOnUi(page, "step.run", { runId: started.runId, stepId: "podman-installed" });
  expect(ran).toMatchObject({ ok: true });
  await expect
    .poll(async () => {
      const state = (await emitOnUi(page, "run.subscribe", { runId: started.runId })) as {
        run: { steps: { verdict: string }[] };
      };
      return state.run.steps[0]?.verdict;
    })
    .toMatch(/^(passed|failed)$/);
  return started.runId;
}
