// /metrics against a real hub, agent and database: what a run does shows up in the scrape.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type UiClient } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";

const pb = testPlaybook("metered", [testStep("say", "printf 'metered-output\\n'")]);
let h: Awaited<ReturnType<typeof startHarness>>;
let operator: UiClient;

beforeAll(async () => {
  h = await startHarness([pb]);
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
}, 60_000);
afterAll(() => h?.stop());

/** The value of one sample in Prometheus text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(headers: Record<string, string> = { "x-casebook-remote-addr": "127.0.0.1" }) {
  const { GET } = await import("@/app/metrics/route");
  return GET(new Request("http://127.0.0.1/metrics", { headers }));
}

describe("/metrics", () => {
  it("counts agents, runs, steps, output, verdicts, socket events, refusals and database time", async () => {
    const { hostId } = await h.agentFor("metered-host");
    const viewer = h.uiClient(await h.signIn("viewer"));
    await viewer.connected();
    const refusal = await viewer.call("run.start", { playbook: "metered", hostId, inputs: {} });
    expect(refusal).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const start = await operator.call("run.start", { playbook: "metered", hostId, inputs: {} });
    const runId = start.ok ? (start.runId as string) : "";
    const { view, output } = await operator.run(runId, "say");
    expect(view.verdict).toBe("passed");

    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, "casebook_agents_connected")).toBe(1);
    expect(sample(text, "casebook_active_runs")).toBe(1);
    expect(sample(text, "casebook_running_steps")).toBe(0);
    expect(sample(text, "casebook_output_bytes_total")).toBeGreaterThanOrEqual(output.length);
    expect(sample(text, 'casebook_step_outcomes_total{verdict="passed"}')).toBe(1);
    expect(sample(text, 'casebook_socket_events_total{namespace="ui",event="run.start"}')).toBe(2);
    expect(sample(text, 'casebook_socket_events_total{namespace="agent",event="hello"}')).toBe(1);
    expect(sample(text, 'casebook_socket_refusals_total{namespace="ui",code="forbidden"}')).toBe(1);
    expect(sample(text, "casebook_db_query_duration_seconds_count")).toBeGreaterThan(0);
    expect(sample(text, "casebook_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("is for loopback, or for a scraper with METRICS_TOKEN", async () => {
    const away = { "x-casebook-remote-addr": "203.0.113.9" };
    expect((await scrape(away)).status).toBe(403);
    process.env.METRICS_TOKEN = "scrape-token-0123456789";
    try {
      expect((await scrape({ ...away, authorization: "Bearer wrong-token-0123456789" })).status).toBe(403);
      expect((await scrape({ ...away, authorization: "Bearer scrape-token-0123456789" })).status).toBe(200);
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });

  it("times HTTP requests by method, kind and status class", async () => {
    const { timeRequest } = await import("@/lib/http/request-timing");
    const server = http.createServer((req, res) => {
      timeRequest(req, res);
      res.writeHead(req.url === "/api/missing" ? 404 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch(`${base}/api/missing`);
    await fetch(`${base}/playbooks/x?y=1`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const text = await (await scrape()).text();
    const count = (labels: string) => sample(text, `casebook_http_request_duration_seconds_count{${labels}}`);
    expect(count('method="GET",kind="api",status="4xx"')).toBe(1);
    expect(count('method="GET",kind="page",status="2xx"')).toBe(1);
  });
});
