// "Run all read steps" on each seed playbook, for real: the seeds as the content check reads them,
// the hub, a real agent process on this machine. On a bare host (no podman, no orb, no reachable
// cluster, as in issue 12) each walk must stop at its root cause, say so and suggest the fix.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import type { Playbook } from "@/lib/playbooks/types";
import type { RunView } from "@/lib/runs/protocol";
import { startHarness, waitFor, type UiClient } from "@/testing/hub-harness";

const has = (command: string) => {
  try {
    execSync(`command -v ${command}`, { stdio: "ignore", shell: "/bin/sh" });
    return true;
  } catch {
    return false;
  }
};
const clusterReachable = () => {
  try {
    execSync("kubectl get namespace arc-systems", { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
};
const bare = !has("podman") && !has("orb") && !clusterReachable();

const SEEDS = {
  "ray-actor-pending-creation-podman": {
    path: ["podman-installed:failed"],
    stopped:
      "stopped: podman is missing (`podman-installed` failed); next step `install-podman` changes the host; " +
      "run it yourself",
    next: "install-podman",
  },
  "claude-code-podman-limits": {
    path: ["podman-installed:failed"],
    stopped:
      "stopped: podman is missing (`podman-installed` failed); next step `install-podman` changes the host; " +
      "run it yourself",
    next: "install-podman",
  },
  "ray-cluster-orbstack-vm": {
    path: ["orb-installed:failed"],
    stopped:
      "stopped: orb is missing (`orb-installed` failed); next step `install-orbstack` changes the host; " +
      "run it yourself",
    next: "install-orbstack",
  },
  "arc-job-containers-nixery": {
    path: ["kubectl-ready:failed"],
    stopped:
      "stopped: no cluster reachable (`kubectl-ready` failed); next step `workflow-images-have-hook-tools` only " +
      "reads; run all again to go on from there",
    next: "workflow-images-have-hook-tools",
  },
} as const;

let h: Awaited<ReturnType<typeof startHarness>>;
let hostId: string;
let operator: UiClient;

async function seed(slug: string): Promise<Playbook> {
  const file = `content/${slug}.mdx`;
  const { playbook, errors } = await checkPlaybook(file, readFileSync(file));
  if (!playbook) throw new Error(`${file}: ${JSON.stringify(errors)}`);
  return playbook;
}

async function walked(runId: string): Promise<RunView> {
  let view: RunView | null = null;
  await waitFor(
    async () => {
      view = await h.hub.runs.view(runId);
      return view?.walk?.stopped != null && view.activeStepRunId === null;
    },
    60_000,
    () => `the walk did not stop: ${JSON.stringify(view?.walk)}`,
  );
  return view!;
}

describe.runIf(bare)("run all read steps on each seed, on a bare host", () => {
  beforeAll(async () => {
    h = await startHarness(await Promise.all(Object.keys(SEEDS).map(seed)));
    hostId = (await h.agentFor("bare", ["--max-risk", "danger"])).hostId;
    operator = h.uiClient(await h.signIn("operator"));
    await operator.connected();
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
  });

  it.each(Object.entries(SEEDS))(
    "%s reaches its root cause and stops there",
    async (slug, expected) => {
      const started = await operator.call("run.start", { playbook: slug, hostId, inputs: {} });
      if (!started.ok) throw new Error(started.error.message);
      const runId = started.runId as string;
      expect(await operator.call("run.runAllRead", { runId })).toEqual({ ok: true });
      const view = await walked(runId);
      expect(view.walk!.path.map((p) => `${p.stepId}:${p.verdict}`)).toEqual(expected.path);
      expect(view.walk!.stopped).toBe(expected.stopped);
      expect(view.suggestedNext).toBe(expected.next);
      expect(view.runningAllRead).toBe(false);
    },
    90_000,
  );

  it("refuses a VM check by hand once orb-installed failed, naming the root cause", async () => {
    const started = await operator.call("run.start", { playbook: "ray-cluster-orbstack-vm", hostId, inputs: {} });
    if (!started.ok) throw new Error(started.error.message);
    const runId = started.runId as string;
    expect((await operator.run(runId, "orb-installed")).view.verdict).toBe("failed");
    expect(await operator.call("step.run", { runId, stepId: "vm-running" })).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message:
          'Step "vm-running" requires "orb-installed", which failed in this run (orb is missing); ' +
          'fix that first with "install-orbstack".',
      },
    });
  }, 60_000);
});
