// Alert intake per source (issue 11, item 4), with payloads recorded from each source's documented
// format (lib/alerts/fixtures): a good post opens an incident linked to the suggested playbook, a
// bad signature is a 401, a malformed body a 400, a repeat of a fingerprint updates the same
// incident and a resolution adds to its timeline. Called as Next.js would, on a real temp database
// and a real content index.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/testing/temp-database";

const tempDb = createTempDatabase("casebook-alerts-");
process.env.DATABASE_URL = tempDb.url;
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const contentDir = mkdtempSync(path.join(tmpdir(), "casebook-alerts-content-"));
process.env.CONTENT_DIR = contentDir;
writeFileSync(
  path.join(contentDir, "disk-full.mdx"),
  `---
title: Disk full
summary: A filesystem has no space left on device; find what grew and free it.
symptoms:
  - { text: "No space left on device", step: usage }
---

<Step id="usage" title="How full is each filesystem?">
\`\`\`bash
df -h
\`\`\`
</Step>
`,
);

const { db } = await import("@/lib/db/client");
const { closeContentIndex } = await import("@/lib/playbooks/content-index");
const { createSource } = await import("@/lib/alerts/sources");
const { hmacHex, signTimestamped } = await import("@/lib/alerts/hmac");
const { POST } = await import("./route");

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../../../lib/alerts/fixtures", `${name}.json`), "utf8");

let admin: { id: string; name: string; email: string; role: "admin" };

async function source(kind: "alertmanager" | "grafana" | "pagerduty" | "generic", secret?: string) {
  const made = await createSource(admin, { kind, name: `${kind}-${Math.random()}`, secret });
  if (!made.ok) throw new Error(made.message);
  const row = await db.alertSource.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  return { id: row.id, secret: made.secret ?? secret! };
}

function post(sourceId: string, body: string, headers: Record<string, string>) {
  const req = new Request(`http://casebook.test/api/alerts/${sourceId}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
  return POST(req, { params: Promise.resolve({ sourceId }) });
}

const incidentOf = (id: string) =>
  db.incident.findUniqueOrThrow({ where: { id }, include: { timeline: { orderBy: { at: "asc" } }, playbooks: true } });

beforeAll(async () => {
  const user = await db.user.create({
    data: { id: "admin-ada", name: "Ada", email: "ada@example.com", role: "admin", emailVerified: true },
  });
  admin = { id: user.id, name: user.name, email: user.email, role: "admin" };
});

afterAll(async () => {
  closeContentIndex();
  await db.$disconnect();
  tempDb.remove();
  rmSync(contentDir, { recursive: true, force: true });
});

describe("Alertmanager (bearer credential)", () => {
  it("opens an incident with the runbook's playbook, updates it on a repeat, and notes the resolution", async () => {
    const { id, secret } = await source("alertmanager");
    const auth = { authorization: `Bearer ${secret}` };
    const first = await post(id, fixture("alertmanager-firing"), auth);
    expect(first.status).toBe(202);
    const [opened] = (await first.json()).alerts;
    expect(opened).toMatchObject({ fingerprint: "3c1f2a9b8d7e6f50", action: "opened" });
    const incident = await incidentOf(opened.incidentId);
    expect(incident).toMatchObject({ status: "investigating", severity: "SEV1" });
    expect(incident.title).toBe("DiskFull: No space left on device on /var");
    expect(incident.symptoms).toContain("No space left on device on /var");
    expect(incident.symptoms).toContain(
      "alertname=DiskFull instance=db-1:9100 job=node mountpoint=/var severity=critical",
    );
    expect(incident.playbooks.map((p) => p.playbookSlug)).toEqual(["disk-full"]);
    expect(incident.timeline[0]?.text).toContain("Alert **DiskFull** fired");

    const again = await (await post(id, fixture("alertmanager-firing"), auth)).json();
    expect(again.alerts[0]).toMatchObject({ action: "updated", incidentId: opened.incidentId });
    const resolved = await (await post(id, fixture("alertmanager-resolved"), auth)).json();
    expect(resolved.alerts[0]).toMatchObject({ action: "resolved", incidentId: opened.incidentId });
    expect(await db.incident.count({ where: { title: incident.title } })).toBe(1);
    const texts = (await incidentOf(opened.incidentId)).timeline.map((t) => t.text);
    expect(texts.some((t) => t.includes("fired again"))).toBe(true);
    expect(texts.at(-1)).toContain("Alert **DiskFull** resolved");
  });

  it("takes basic auth with the secret as password, and refuses a wrong or missing credential", async () => {
    const { id, secret } = await source("alertmanager");
    const basic = `Basic ${Buffer.from(`alertmanager:${secret}`).toString("base64")}`;
    expect((await post(id, fixture("alertmanager-firing"), { authorization: basic })).status).toBe(202);
    const wrong = await post(id, fixture("alertmanager-firing"), { authorization: "Bearer not-it" });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toMatch(/bearer token/);
    expect((await post(id, fixture("alertmanager-firing"), {})).status).toBe(401);
  });

  it("refuses a malformed body with a reason, and an unknown source with 404", async () => {
    const { id, secret } = await source("alertmanager");
    const auth = { authorization: `Bearer ${secret}` };
    const notJson = await post(id, "{ nope", auth);
    expect(notJson.status).toBe(400);
    const noAlerts = await post(id, JSON.stringify({ status: "firing", alerts: [] }), auth);
    expect(noAlerts.status).toBe(400);
    expect((await noAlerts.json()).error).toMatch(/^Not a alertmanager alert: alerts/);
    const badStatus = await post(id, JSON.stringify({ alerts: [{ status: "burning", labels: {} }] }), auth);
    expect(badStatus.status).toBe(400);
    expect((await post("no-such-source", fixture("alertmanager-firing"), auth)).status).toBe(404);
  });

  it("limits posts per source, before reading the body or the database", async () => {
    const { ALERT_POSTS_PER_MINUTE } = await import("@/lib/alerts/receive");
    for (let i = 0; i < ALERT_POSTS_PER_MINUTE; i++) expect((await post("storm", "{}", {})).status).toBe(404);
    const limited = await post("storm", "{}", {});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another source is not held up by this one's storm.
    expect((await post("calm", "{}", {})).status).toBe(404);
  });

  it("refuses a body over the size limit", async () => {
    const { id, secret } = await source("alertmanager");
    const huge = JSON.stringify({ alerts: [{ status: "firing", labels: { x: "y".repeat(1024 * 1024) } }] });
    expect((await post(id, huge, { authorization: `Bearer ${secret}` })).status).toBe(413);
  });
});

describe("Grafana (HMAC-SHA256 signature)", () => {
  it("takes a signed post, with and without a timestamp, and suggests from search", async () => {
    const { id, secret } = await source("grafana");
    const body = fixture("grafana-firing");
    const res = await post(id, body, { "x-grafana-alerting-signature": hmacHex(secret, body) });
    expect(res.status).toBe(202);
    const [opened] = (await res.json()).alerts;
    const incident = await incidentOf(opened.incidentId);
    // No runbook_url: "No space left on device" finds the playbook through search.
    expect(incident.playbooks.map((p) => p.playbookSlug)).toEqual(["disk-full"]);
    expect(incident.severity).toBe("SEV3");

    const ts = String(Math.floor(Date.now() / 1000));
    const stamped = await post(id, body, {
      "x-grafana-alerting-signature": hmacHex(secret, `${ts}:${body}`),
      "x-grafana-alerting-timestamp": ts,
    });
    expect((await stamped.json()).alerts[0]).toMatchObject({ action: "updated", incidentId: opened.incidentId });
    const resolved = fixture("grafana-resolved");
    const done = await post(id, resolved, { "x-grafana-alerting-signature": hmacHex(secret, resolved) });
    expect((await done.json()).alerts[0]).toMatchObject({ action: "resolved", incidentId: opened.incidentId });
    expect((await incidentOf(opened.incidentId)).timeline.at(-1)?.text).toContain("resolved (from grafana");
  });

  it("refuses a bad signature, a stale timestamp, and a signature of another body", async () => {
    const { id, secret } = await source("grafana");
    const body = fixture("grafana-firing");
    expect((await post(id, body, { "x-grafana-alerting-signature": hmacHex("other", body) })).status).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    const stale = await post(id, body, {
      "x-grafana-alerting-signature": hmacHex(secret, `${old}:${body}`),
      "x-grafana-alerting-timestamp": old,
    });
    expect(stale.status).toBe(401);
    expect((await post(id, body, { "x-grafana-alerting-signature": hmacHex(secret, body + " ") })).status).toBe(401);
    expect(await db.alertFingerprint.count({ where: { sourceId: id } })).toBe(0);
  });
});

describe("PagerDuty v3 (X-PagerDuty-Signature)", () => {
  it("opens on incident.triggered, ignores acknowledgements, and notes incident.resolved", async () => {
    const secret = "pd-generated-signing-secret";
    const { id } = await source("pagerduty", secret);
    const sign = (body: string) => ({ "x-pagerduty-signature": `v1=${"0".repeat(64)},v1=${hmacHex(secret, body)}` });
    const body = fixture("pagerduty-triggered");
    const [opened] = (await (await post(id, body, sign(body))).json()).alerts;
    expect(opened).toMatchObject({ fingerprint: "Q2ZOEXAMPLE1", action: "opened" });
    const incident = await incidentOf(opened.incidentId);
    expect(incident).toMatchObject({
      title: "No space left on device on db-1",
      severity: "SEV1",
    });
    expect(incident.timeline[0]?.link).toBe("https://example.pagerduty.com/incidents/Q2ZOEXAMPLE1");

    const ack = fixture("pagerduty-acknowledged");
    expect((await (await post(id, ack, sign(ack))).json()).alerts).toEqual([]);
    const resolved = fixture("pagerduty-resolved");
    expect((await (await post(id, resolved, sign(resolved))).json()).alerts[0]).toMatchObject({ action: "resolved" });
  });

  it("refuses a missing or wrong signature, and a body that is not an event", async () => {
    const { id } = await source("pagerduty", "pd-secret-2");
    const body = fixture("pagerduty-triggered");
    expect((await post(id, body, {})).status).toBe(401);
    expect((await post(id, body, { "x-pagerduty-signature": `v1=${hmacHex("wrong", body)}` })).status).toBe(401);
    const odd = JSON.stringify({ messages: [] });
    expect((await post(id, odd, { "x-pagerduty-signature": `v1=${hmacHex("pd-secret-2", odd)}` })).status).toBe(400);
  });
});

describe("generic JSON", () => {
  it("takes a signed single alert, and a bearer token", async () => {
    const { id, secret } = await source("generic");
    const body = fixture("generic");
    const res = await post(id, body, { "x-casebook-signature": signTimestamped(secret, body) });
    expect(res.status).toBe(202);
    const [opened] = (await res.json()).alerts;
    expect((await incidentOf(opened.incidentId)).playbooks.map((p) => p.playbookSlug)).toEqual(["disk-full"]);
    const bearer = await post(id, body, { authorization: `Bearer ${secret}` });
    expect((await bearer.json()).alerts[0]).toMatchObject({ action: "updated" });
    expect((await post(id, body, { "x-casebook-signature": signTimestamped("wrong", body) })).status).toBe(401);
    const old = signTimestamped(secret, body, Date.now() - 3600_000);
    expect((await post(id, body, { "x-casebook-signature": old })).status).toBe(401);
    const resolved = JSON.stringify({ ...JSON.parse(body), status: "resolved" });
    const done = await post(id, resolved, { authorization: `Bearer ${secret}` });
    expect((await done.json()).alerts[0]).toMatchObject({ action: "resolved", incidentId: opened.incidentId });
    const nameless = JSON.stringify({ status: "firing" });
    expect((await post(id, nameless, { authorization: `Bearer ${secret}` })).status).toBe(400);
  });
});

describe("two instances taking the same new alert at once", () => {
  it("open one incident: the fingerprint row decides who opens it, the other adds to it", async () => {
    const { intake } = await import("@/lib/alerts/intake");
    const { id } = await source("generic");
    const row = await db.alertSource.findUniqueOrThrow({ where: { id } });
    const alert = {
      fingerprint: "raced-1",
      status: "firing" as const,
      name: "RacedDiskFull",
      labels: { instance: "web-1" },
      annotations: { summary: "No space left on device" },
      startsAt: null,
      link: null,
    };
    // intake() is one post without this process's own queue, as on two instances.
    const [a, b] = await Promise.all([intake(row, alert, () => {}), intake(row, alert, () => {})]);
    expect([a.action, b.action].sort()).toEqual(["opened", "updated"]);
    expect(a.incidentId).toBe(b.incidentId);
    expect(await db.incident.count({ where: { title: { startsWith: "RacedDiskFull" } } })).toBe(1);
    expect(await db.alertFingerprint.findMany({ where: { sourceId: id } })).toMatchObject([
      { fingerprint: "raced-1", incidentId: a.incidentId, status: "firing" },
    ]);
  });
});
