// The authorisation matrix for pages (issue 8, "Proof, kept in the suite"): every app/**/page.tsx,
// its dynamic segments filled with things made here, fetched from the built server as each
// principal (testing/authorisation.ts). The table below says who may see each page; a page without
// a line fails, and so does a line that differs from the role the page's requireUser() names. A
// refused visit is sent to sign in (307) or forbidden (403) and its answer holds none of what the
// page shows; an allowed one gets the page with it. Route handlers, server actions and sockets have
// their own matrices: app/authorisation-matrix.test.ts, server/hub/hub-matrix.test.ts.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  expectedVerdict,
  PRINCIPALS,
  tableGaps,
  type Principal,
  type Rule,
  type Verdict,
} from "../testing/authorisation";
import { APP_DIR, pageFiles, pagePath } from "../testing/entry-points";
import { fillSegments } from "../testing/segments";
import { DANGER_PLAYBOOK } from "./support/danger-playbook";
import { emitOnUi } from "./support/ui-socket";
import { ADMIN, E2E_BASE_URL, USERS, VIEWER } from "./support/users";

/** What the visits share: things made for them, by the folder their segment follows. */
interface Seeded {
  incidentTitle: string;
  hostName: string;
  draftTitle: string;
  segments: Record<string, string>;
}

interface PageEntry {
  who: Rule;
  /** Text the page shows an allowed visitor (and a refused one must not get). */
  shows?: (s: Seeded) => string;
  /** Where an allowed visit is sent instead of a page. */
  redirects?: string;
}

const EXAMPLE = '{ who: "<public|viewer|operator|admin>", shows: (s) => "…" }';

/** Who may see each page. */
const PAGES: Record<string, PageEntry> = {
  "page.tsx": { who: "viewer", shows: () => "Danger check" },
  "account/tokens/page.tsx": { who: "viewer", shows: () => "Create a token" },
  "admin/alerts/page.tsx": { who: "admin", shows: () => "Delivery log" },
  "admin/audit/page.tsx": { who: "admin", shows: () => "host.revoke" },
  "admin/users/page.tsx": { who: "admin", shows: () => VIEWER.email },
  "drafts/[id]/page.tsx": { who: "operator", shows: (s) => s.draftTitle },
  "drafts/page.tsx": { who: "operator", shows: (s) => s.draftTitle },
  "help/agent/page.tsx": { who: "viewer", shows: () => "Enrolling a host" },
  "help/api/page.tsx": { who: "viewer", shows: () => "Runs over HTTP" },
  "help/page.tsx": { who: "viewer", shows: () => "Writing a good playbook" },
  "help/playbook-format/page.tsx": { who: "viewer", shows: () => "Decision trees: onPass and onFail" },
  "help/writing-playbooks/page.tsx": { who: "viewer", shows: () => "Read before you change" },
  "hosts/[id]/page.tsx": { who: "viewer", shows: (s) => s.hostName },
  "hosts/page.tsx": { who: "viewer", shows: (s) => s.hostName },
  "incidents/[id]/draft/page.tsx": { who: "viewer", shows: (s) => s.incidentTitle },
  "incidents/[id]/edit/page.tsx": { who: "operator", shows: (s) => s.incidentTitle },
  "incidents/[id]/page.tsx": { who: "viewer", shows: (s) => s.incidentTitle },
  "incidents/import/page.tsx": { who: "operator" },
  "incidents/new/page.tsx": { who: "operator" },
  "incidents/page.tsx": { who: "viewer", shows: (s) => s.incidentTitle },
  "playbooks/[slug]/page.tsx": { who: "viewer", shows: () => DANGER_PLAYBOOK.stepTitle },
  "playbooks/page.tsx": { who: "viewer", shows: () => "Danger check" },
  "runs/[id]/page.tsx": { who: "viewer", shows: () => "Danger check" },
  "runs/page.tsx": { who: "viewer", shows: () => "Danger check" },
  "search/page.tsx": { who: "viewer" },
  // Public, but once the first admin exists it only sends everyone to sign in.
  "setup/page.tsx": { who: "public", redirects: "/sign-in" },
  "sign-in/page.tsx": { who: "public" },
  "tags/[tag]/page.tsx": { who: "viewer", shows: () => "Danger check" },
  "tags/page.tsx": { who: "viewer", shows: () => "e2e" },
};

/** The role a page's own check names: `requireUser("operator")`, `requireUser()` (viewer), or none. */
function declaredRole(file: string): Rule {
  const call = /\brequireUser\((?:"(\w+)")?\)/.exec(fs.readFileSync(path.join(APP_DIR, file), "utf8"));
  return call ? ((call[1] as Rule | undefined) ?? "viewer") : "public";
}

const pages = pageFiles();

test.describe("the page table", () => {
  test("has one entry for every page, and none for anything else", () => {
    const where = "PAGES in e2e/authorisation-matrix.spec.ts";
    expect(tableGaps(pages, PAGES, where, EXAMPLE)).toEqual([]);
  });

  test("agrees with the role each page's requireUser() names", () => {
    const disagree = pages
      .filter((file) => PAGES[file] && declaredRole(file) !== PAGES[file].who)
      .map((file) => `${file}: requireUser names "${declaredRole(file)}", the matrix says "${PAGES[file]!.who}"`);
    expect(disagree).toEqual([]);
  });
});

test.describe("pages", () => {
  let seeded: Seeded;
  const visitors = {} as Record<Principal, APIRequestContext>;

  test.beforeAll(async ({ browser, playwright }) => {
    const api = (extra: Parameters<typeof playwright.request.newContext>[0] = {}) =>
      playwright.request.newContext({ baseURL: E2E_BASE_URL, maxRedirects: 0, ...extra });
    const write = { headers: { origin: E2E_BASE_URL } };
    for (const role of ["viewer", "operator", "admin"] as const) {
      visitors[role] = await api({ storageState: USERS[role].storageState });
    }
    visitors.anonymous = await api();

    // Something to look at: an incident, a host whose token is then revoked (the agent principal's
    // credential), and a run on this machine's agent.
    const page = await (await browser.newContext({ storageState: ADMIN.storageState })).newPage();
    const incidentTitle = `Matrix incident ${Date.now().toString(36)}`;
    const posted = await visitors.admin.post("/api/incidents", {
      ...write,
      data: { incident: { title: incidentTitle, severity: "SEV3", status: "investigating" } },
    });
    expect(posted.status()).toBe(201);
    const incidentId = ((await posted.json()) as { id: string }).id;
    const draftTitle = `Matrix draft ${Date.now().toString(36)}`;
    const fence = "`".repeat(3);
    const mdx = [
      `---\ntitle: ${draftTitle}\nsummary: Reviewed by the matrix.\n---`,
      `<Step id="look" title="Look">\n\n${fence}bash\nuptime\n${fence}\n\n</Step>\n`,
    ].join("\n\n");
    const drafted = await visitors.admin.post(`/api/drafts?name=matrix-${Date.now().toString(36)}.mdx`, {
      headers: { ...write.headers, "content-type": "text/markdown" },
      data: mdx,
    });
    expect(drafted.status(), await drafted.text()).toBe(201);
    const draftId = ((await drafted.json()) as { id: string }).id;
    const { hostName, hostId, token } = await addAndRevokeHost(page);
    const online = page.locator('tr[data-host]:has-text("Online") a[href^="/hosts/"]').first();
    const onlineId = (await online.getAttribute("href"))!.split("/").pop();
    const run = (await emitOnUi(page, "run.start", {
      playbook: DANGER_PLAYBOOK.slug,
      hostId: onlineId,
      inputs: {},
    })) as {
      ok: boolean;
      runId: string;
    };
    expect(run.ok).toBe(true);
    await page.context().close();
    // The token where a credential could go: as a bearer token, and in the session cookie's place.
    const host = new URL(E2E_BASE_URL).hostname;
    const cookie = { name: "casebook.session_token", value: token, domain: host, path: "/", expires: -1 };
    visitors.agent = await api({
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
      storageState: { cookies: [{ ...cookie, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] },
    });

    // A banned user: an admin account that signed in, then was banned; it keeps its cookie.
    const email = `banned-${Date.now().toString(36)}@casebook.test`;
    const password = "banned-e2e-password";
    const created = await visitors.admin.post("/api/auth/admin/create-user", {
      ...write,
      data: { email, password, name: "Banned Admin", role: "admin" },
    });
    expect(created.status()).toBe(200);
    const bannedId = ((await created.json()) as { user: { id: string } }).user.id;
    visitors.banned = await api();
    expect(
      (await visitors.banned.post("/api/auth/sign-in/email", { ...write, data: { email, password } })).status(),
    ).toBe(200);
    const ban = await visitors.admin.post("/api/auth/admin/ban-user", { ...write, data: { userId: bannedId } });
    expect(ban.status()).toBe(200);

    seeded = {
      incidentTitle,
      hostName,
      draftTitle,
      segments: {
        drafts: draftId,
        incidents: incidentId,
        hosts: hostId,
        runs: run.runId,
        playbooks: DANGER_PLAYBOOK.slug,
        tags: "e2e",
      },
    };
  });

  test.afterAll(async () => {
    for (const visitor of Object.values(visitors)) await visitor.dispose();
  });

  for (const file of pages.filter((f) => f in PAGES)) {
    test(file, async () => {
      const entry = PAGES[file]!;
      const { path: url } = fillSegments(pagePath(file), seeded.segments);
      const seen = [seeded.incidentTitle, seeded.hostName, "Danger check", ...Object.values(USERS).map((u) => u.email)];
      const wrong = await Promise.all(
        PRINCIPALS.map(async (principal) => {
          const res = await visitors[principal].get(url);
          const text = await res.text();
          const at = `${file} (${url}) as ${principal}`;
          return judgeVisit(at, expectedVerdict(entry.who, principal), entry, seeded, {
            status: res.status(),
            location: res.headers().location ?? "",
            text,
            // A page may name its own visitor.
            secrets: seen.filter((secret) => secret !== USERS[principal as keyof typeof USERS]?.email),
          });
        }),
      );
      expect(wrong.flat(), wrong.flat().join("\n")).toEqual([]);
    });
  }
});

interface Visit {
  status: number;
  location: string;
  text: string;
  secrets: string[];
}

function judgeVisit(at: string, verdict: Verdict, entry: PageEntry, seeded: Seeded, visit: Visit): string[] {
  const where = visit.location ? new URL(visit.location, E2E_BASE_URL) : null;
  const toSignIn = visit.status >= 300 && visit.status < 400 && where?.pathname === "/sign-in";
  const got = `${visit.status}${visit.location ? ` → ${visit.location}` : ""}`;
  if (verdict === "allowed") {
    if (entry.redirects)
      return toSignIn && !where?.search ? [] : [`${at}: should go to ${entry.redirects}, got ${got}`];
    if (visit.status !== 200) return [`${at}: should see the page, got ${got}`];
    const shows = entry.shows?.(seeded);
    return shows && !visit.text.includes(shows) ? [`${at}: the page lacks "${shows}"`] : [];
  }
  const wrong: string[] = [];
  if (verdict === "sign-in" && !toSignIn) wrong.push(`${at}: should be sent to sign in, got ${got}`);
  if (verdict === "forbidden" && visit.status !== 403) wrong.push(`${at}: should be forbidden (403), got ${got}`);
  const leaked = visit.secrets.filter((secret) => visit.text.includes(secret));
  if (leaked.length) wrong.push(`${at}: refused, yet the answer holds ${leaked.join(", ")}`);
  return wrong;
}

/** Adds a host through the admin page, reads its token, and revokes it there. */
async function addAndRevokeHost(page: Page): Promise<{ hostName: string; hostId: string; token: string }> {
  const hostName = `matrix-${Date.now().toString(36)}`;
  await page.goto("/hosts");
  await page.getByLabel("Host name").fill(hostName);
  await page.getByRole("button", { name: "Add host" }).click();
  const token = (await page
    .getByRole("status", { name: `Token for ${hostName}` })
    .locator("pre[data-token]")
    .textContent())!;
  const row = page.locator(`tr[data-host="${hostName}"]`);
  const hostId = (await row.locator('a[href^="/hosts/"]').getAttribute("href"))!.split("/").pop()!;
  // Revoking asks once more before it acts.
  await row.getByRole("button", { name: `Revoke ${hostName}` }).click();
  await row.getByRole("button", { name: `Revoke ${hostName}` }).click();
  await expect(row).toContainText("Revoked");
  return { hostName, hostId, token };
}
