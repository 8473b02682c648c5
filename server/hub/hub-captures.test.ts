// Captures end to end with real parts: a real agent's PTY output, the hub applying the step's
// capture at its end, the StepRun row in a migrated temp database, and the next step's environment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type UiClient } from "@/testing/hub-harness";
import { testPlaybook, testStep } from "@/testing/test-playbook";
import type { RunView } from "@/lib/runs/protocol";

const TOKEN = "tok-9f8e7d6c";
const playbook = testPlaybook(
  "captures",
  [
    testStep("version", "printf '\\033[1mpodman version 5.0.1\\033[0m\\n'", {
      capture: { patterns: [String.raw`podman version (?<PODMAN_VERSION>\S+)`], secret: [] },
    }),
    testStep("token", `echo "minting"; echo "${TOKEN}"`, {
      capture: { patterns: [], lastLine: "TOKEN", secret: ["TOKEN"] },
    }),
    testStep("use", 'echo "version=$PODMAN_VERSION for $WHO"; echo "token=$TOKEN"'),
  ],
  { inputs: [{ name: "WHO", label: "Who", default: "ops", required: false, secret: false }] },
);

let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let operator: UiClient;

beforeAll(async () => {
  h = await startHarness([playbook]);
  hostId = (await h.agentFor("capturebox")).hostId;
  operator = h.uiClient(await h.signIn("operator"));
  await operator.connected();
}, 90_000);

afterAll(async () => {
  await h?.stop();
});

describe("captured values on a real agent", () => {
  it("reach the next step's environment as inputs do; a secret one is masked from then on", async () => {
    const start = await operator.call("run.start", { playbook: "captures", hostId, inputs: {} });
    if (!start.ok) throw new Error(start.error.message);
    const runId = start.runId as string;

    const version = await operator.run(runId, "version");
    expect(version.view.captures).toEqual([{ name: "PODMAN_VERSION", value: "5.0.1", secret: false }]);
    const token = await operator.run(runId, "token");
    expect(token.view.captures).toEqual([{ name: "TOKEN", value: "********", secret: true }]);

    const use = await operator.run(runId, "use");
    expect(use.output.toString()).toBe("version=5.0.1 for ops\r\ntoken=********\r\n");
    expect(use.view.captures).toEqual([]);

    const rows = await h.db.stepRun.findMany({ where: { runId }, orderBy: { startedAt: "asc" } });
    expect(rows.map((r) => r.captures)).toEqual([
      [{ name: "PODMAN_VERSION", value: "5.0.1", secret: false }],
      [{ name: "TOKEN", value: "********", secret: true }],
      null,
    ]);
    expect(JSON.stringify(rows)).not.toContain(`"${TOKEN}"`);
    const run = await operator.call("run.subscribe", { runId });
    expect(run.ok && (run.run as RunView).steps.map((s) => s.captures.length)).toEqual([1, 1, 0]);
  });
});
