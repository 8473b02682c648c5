// Issue 11, "done means": an Alertmanager payload posted to Casebook opens an incident with the
// right playbook suggested and, on a source opted in to triage, the read steps' verdicts from the
// local agent on its timeline; a Slack-shaped notification reaches a local receiver. One test, all
// real: the route handler as Next calls it, the hub, an agent process (default policy: read steps
// only) on this machine, the real content/ playbooks and search, and an HTTP receiver on loopback.
import { execSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, waitFor } from "@/testing/hub-harness";

const hasPodman = (() => {
  try {
    execSync("command -v podman", { stdio: "ignore", shell: "/bin/sh" });
    return true;
  } catch {
    return false;
  }
})();

let h: Awaited<ReturnType<typeof startHarness>>;
let receiver: http.Server;
let receiverUrl: string;
const received: Array<{ path: string; body: unknown }> = [];
let stopWorker: () => void = () => {};

beforeAll(async () => {
  const { getPlaybook } = await import("@/lib/playbooks/content-index");
  h = await startHarness([], { getPlaybook });
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(body) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T000/B000/XXXX`;
}, 60_000);

afterAll(async () => {
  stopWorker();
  await h?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

it.skipIf(hasPodman)(
  "an Alertmanager alert opens a triaged incident and a Slack notification",
  async () => {
    const { hostId } = await h.agentFor("db-local");
    const { createSource, setTriage } = await import("@/lib/alerts/sources");
    const { createTarget } = await import("@/lib/notifications/targets");
    const { registerIncidentNotifications } = await import("@/lib/notifications/incident-listener");
    const { startDeliveryWorker } = await import("@/lib/notifications/delivery-worker");
    const { triageSettled } = await import("@/lib/alerts/triage");
    const { POST } = await import("@/app/api/alerts/[sourceId]/route");

    const user = await h.db.user.create({
      data: { id: "triage-admin", name: "Ada", email: "ada@example.com", role: "admin", emailVerified: true },
    });
    const admin = { id: user.id, name: user.name, email: user.email, role: "admin" as const };
    const made = await createSource(admin, { kind: "alertmanager", name: "prometheus", secret: undefined });
    if (!made.ok || !made.secret) throw new Error(made.message);
    const source = await h.db.alertSource.findUniqueOrThrow({ where: { name: "prometheus" } });
    expect(await setTriage(admin, { sourceId: source.id, triage: true, hostLabel: "instance" })).toMatchObject({
      ok: true,
    });
    expect(await createTarget(admin, { kind: "slack", name: "on-call", url: receiverUrl })).toMatchObject({ ok: true });
    registerIncidentNotifications();
    stopWorker = startDeliveryWorker(100);

    // As Alertmanager sends it (webhook_config with authorization.credentials = the secret); no runbook_url,
    // so the playbook comes from search over the alert's text.
    const payload = {
      version: "4",
      status: "firing",
      receiver: "casebook",
      groupLabels: { alertname: "RayActorPending" },
      commonLabels: { alertname: "RayActorPending" },
      commonAnnotations: {},
      externalURL: "http://alertmanager.example:9093",
      groupKey: '{}:{alertname="RayActorPending"}',
      truncatedAlerts: 0,
      alerts: [
        {
          status: "firing",
          labels: { alertname: "RayActorPending", instance: "db-local:8265", severity: "critical" },
          annotations: { summary: "ClaudeSessionActor stuck in PENDING_CREATION" },
          startsAt: new Date().toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "http://prometheus.example:9090/graph?g0.expr=ray_actors",
          fingerprint: "7f0c1d2e3b4a5968",
        },
      ],
    };
    const res = await POST(
      new Request(`${h.url}/api/alerts/${source.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${made.secret}` },
        body: JSON.stringify(payload),
      }),
      { params: Promise.resolve({ sourceId: source.id }) },
    );
    expect(res.status).toBe(202);
    const [opened] = (await res.json()).alerts;
    expect(opened.action).toBe("opened");

    await triageSettled();
    const incident = await h.db.incident.findUniqueOrThrow({
      where: { id: opened.incidentId },
      include: { playbooks: true, runs: true, timeline: { orderBy: { at: "asc" } } },
    });
    expect(incident.status).toBe("investigating");
    expect(incident.playbooks.map((p) => p.playbookSlug)).toContain("ray-actor-pending-creation-podman");
    expect(incident.runs).toHaveLength(1);
    const run = await h.db.run.findUniqueOrThrow({ where: { id: incident.runs[0]!.runId }, include: { steps: true } });
    expect(run).toMatchObject({ hostId, userId: "triage-admin", playbookSlug: "ray-actor-pending-creation-podman" });
    // Only the read step ran: the walk stopped before install-podman, which changes the host.
    expect(run.steps.map((s) => [s.stepId, s.verdict])).toEqual([["podman-installed", "failed"]]);
    const texts = incident.timeline.map((t) => t.text);
    const verdict = texts.find((t) => t.startsWith("Triage: step `podman-installed`"));
    expect(verdict).toContain("**failed** (exit 1)");
    expect(verdict).toContain("podman: not found on PATH");
    expect(texts.at(-1)).toMatch(/^Triage stopped: podman is missing .*`install-podman` changes the host/);
    const audit = await h.db.auditEvent.findFirst({ where: { action: "alert.triage" } });
    expect(audit).toMatchObject({ userId: "triage-admin", hostName: "db-local" });

    type Slack = { text: string; blocks: Array<{ type: string; text: { type: string; text: string } }> };
    await waitFor(
      () => received.length >= 2,
      10_000,
      () => `received: ${JSON.stringify(received)}`,
    );
    const bodies = received.map((r) => r.body as Slack);
    expect(received.every((r) => r.path === "/services/T000/B000/XXXX")).toBe(true);
    const openedMsg = bodies.find((b) => b.text.includes("incident opened"));
    expect(openedMsg?.text).toContain(`/incidents/${incident.id}|RayActorPending: ClaudeSessionActor stuck`);
    expect(openedMsg?.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    const failedMsg = bodies.find((b) => b.text.includes("Triage of"));
    expect(failedMsg?.text).toContain("`podman-installed`");
    expect(failedMsg?.blocks[1]?.text.text).toContain("podman: not found on PATH");
    const log = await h.db.notificationDelivery.findMany();
    expect(log.map((d) => d.status)).toEqual(["delivered", "delivered"]);
  },
  60_000,
);
