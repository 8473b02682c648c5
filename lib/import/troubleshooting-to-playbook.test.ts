import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import type { Playbook } from "@/lib/playbooks/types";
import { troubleshootingToPlaybook } from "./troubleshooting-to-playbook";

const SEEDS = "/work/shared/seeds";
const seedFiles = (() => {
  try {
    return readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .sort();
  } catch {
    return [];
  }
})();
// The two write-ups the repository keeps stand in for the seeds on a clone without ../shared.
const localSeeds = ["ray-actors-pending-creation-podman.md", "arc-job-containers-nixery.md"].map((f) =>
  path.join("content", "incidents", f),
);

// Valid means what content/ requires: the format, and no step declared below its classified risk.
async function importValid(file: string): Promise<Playbook> {
  const { draft, mdx } = await troubleshootingToPlaybook(readFileSync(file, "utf8"), { file });
  const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
  expect(errors).toEqual([]);
  expect(playbook).toBeDefined();
  return playbook!;
}

describe("TROUBLESHOOTING.md → playbook draft", () => {
  it.runIf(seedFiles.length === 4)("turns each of the four seed documents into a valid playbook", async () => {
    const playbooks = await Promise.all(seedFiles.map((f) => importValid(path.join(SEEDS, f))));
    for (const p of playbooks) {
      expect(p.steps.length).toBeGreaterThan(0);
      expect(p.symptoms.length).toBeGreaterThan(0);
      expect(p.body).not.toMatch(/sebkuepers|yunwei37/);
      for (const s of p.steps) expect(s.code).not.toMatch(/sebkuepers|yunwei37/);
    }
    const [ray, orb, arc, claude] = playbooks as [Playbook, Playbook, Playbook, Playbook];
    expect(ray.symptoms).toContain("Error: potentially insufficient UIDs or GIDs available in user namespace");
    expect(ray.symptoms).toContain("manifest unknown: manifest unknown");
    // Personal names become $USER; the "Verify" part of the fix becomes a read step that leads back to it.
    expect(ray.steps.some((s) => s.code.includes('echo "$USER:100000:65536" >> /etc/subuid'))).toBe(true);
    const verify = ray.steps.find((s) => s.title === "Verify")!;
    expect(verify.risk).toBe("read");
    expect(verify.code).toContain("cat /etc/subuid");
    // "Old code (wrong)" is shown, never run.
    expect(ray.steps.some((s) => s.code.includes("{{index .Digest}}"))).toBe(false);
    expect(orb.symptoms).toContain("ConnectionError: ray://localhost:10001 connection refused");
    expect(orb.steps.find((s) => s.code.includes("orb delete ray-cluster"))?.risk).toBe("danger");
    expect(arc.symptoms).toContain("env: '/__e/node20/bin/node': No such file or directory");
    expect(arc.steps.find((s) => s.title === "Check Runner Pod Logs")?.risk).toBe("read");
    // <pod-id> placeholders become inputs rather than broken commands.
    expect(arc.inputs.map((i) => i.name)).toContain("POD_ID");
    expect(arc.steps.find((s) => s.title === "Check Runner Pod Logs")?.code).toContain("${POD_ID}");
    expect(claude.symptoms).toEqual(
      expect.arrayContaining([
        "Permission denied writing to ~/.claude",
        "libnode.so.115 not found",
        "Cannot run with root privileges",
      ]),
    );
    expect(claude.body).toContain("$HOME");
  });

  it("imports the write-ups kept in content/incidents as valid playbooks", async () => {
    for (const file of localSeeds) expect((await importValid(file)).steps.length).toBeGreaterThan(0);
  });

  it("reads a web-app guide: symptoms from labelled blocks, checks linked to their fixes", async () => {
    const p = await importValid("lib/import/fixtures/webapp-systemd-nginx.md");
    // "Troubleshooting" alone says nothing: the title names the guide's subject, from its file name.
    expect(p.title).toBe("Webapp systemd nginx troubleshooting");
    expect(p.symptoms).toEqual([
      "502 Bad Gateway",
      "connect() failed (111: Connection refused) while connecting to upstream, " +
        "client: 10.0.0.12, server: acme.example.com",
      "Error: listen EADDRINUSE: address already in use :::3000",
      "EACCES: permission denied, open '/var/lib/acme/uploads/tmp-1234'",
      "SSL certificate problem: certificate has expired",
      "Timeout during connect (likely firewall problem)",
    ]);
    const byCode = (needle: string) => p.steps.find((s) => s.code.includes(needle))!;
    const status = byCode("systemctl status acme-web");
    const restart = byCode("systemctl restart acme-web");
    expect(status.risk).toBe("read");
    expect(restart.risk).toBe("change");
    expect(status.onFail).toBe(restart.id);
    expect(restart.onPass).toBe(status.id);
    // A passing check moves on to the next problem's first step.
    expect(status.onPass).toBe(byCode("lsof -i :3000").id);
    // The comment-separated check and fix in one block become two steps.
    const owner = byCode("stat -c");
    const chown = byCode("chown -R acme:acme");
    expect([owner.risk, chown.risk, owner.onFail]).toEqual(["read", "change", chown.id]);
    expect(owner.title).toBe("Check the owner");
    expect(byCode("certbot renew").timeout).toBe(600);
  });

  it("reads a Kubernetes guide with Symptom/Cause/Solution headings, transcripts and a warning", async () => {
    const p = await importValid("lib/import/fixtures/kubernetes-pods.md");
    expect(p.symptoms).toContain("Back-off restarting failed container billing-api in pod billing-api-7d9f8c6b5-x2k4q");
    expect(p.symptoms).toContain("Last State: Terminated, Reason: OOMKilled");
    // Sub-headings like "### Solution" stay inside their problem: one group per problem.
    const confirm = p.steps.find((s) => s.code.includes("describe pod"))!;
    expect(confirm.onFail).toBe(p.steps.find((s) => s.code.includes("create secret docker-registry"))!.id);
    // A transcript keeps its command; what it printed is shown after the step, never run.
    const logs = p.steps.find((s) => s.code.includes("logs deploy/billing-api"))!;
    expect(logs.code).toBe("kubectl -n payments logs deploy/billing-api --previous --tail=50");
    expect(p.body).toContain("FATAL: DATABASE_URL is not set");
    expect(logs.risk).toBe("read");
    // "Do not ..." code is kept as an example, never as a runnable step.
    expect(p.steps.some((s) => s.code.includes("delete namespace"))).toBe(false);
    expect(p.body).toContain("kubectl delete namespace payments");
    // The placeholder and the unset token both become typed inputs; the token is secret.
    expect(p.inputs.map((i) => [i.name, i.required, i.secret])).toEqual([
      ["REGISTRY_USER", true, false],
      ["REGISTRY_TOKEN", true, true],
    ]);
  });

  it("keeps HTML and braces in a guide as text, never as MDX", async () => {
    const md = [
      "# Guide <script>alert(1)</script>",
      "",
      "Text with {process.exit(1)} and <img src=x onerror=alert(1)> and [a link](javascript:alert(1)).",
      "",
      "## Problem: it breaks",
      "",
      '<div onclick="alert(1)">raw html block</div>',
      "",
      "```bash",
      "echo '{not jsx}' <b>",
      "```",
    ].join("\n");
    const { draft, mdx } = await troubleshootingToPlaybook(md, { file: "evil.md" });
    const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
    expect(errors).toEqual([]);
    const body = mdx.slice(mdx.indexOf("\n---\n") + 5);
    expect(body).not.toMatch(/(^|[^\\])<(script|img|div)\b/m);
    expect(mdx).not.toContain("javascript:");
    expect(playbook!.summary).toContain("{process.exit(1)}");
    expect(playbook!.steps[0]!.code).toBe("echo '{not jsx}' <b>");
  });

  it("marks the issue's examples: reboots and purges as danger, read-only tools as read", async () => {
    const md = [
      "# Local cluster",
      "",
      "## Problem: the cluster is wedged",
      "",
      "**Check:** is it running?",
      "",
      "```bash",
      "minikube status",
      "```",
      "",
      "**Check:** the GPUs and clusters",
      "",
      "```bash",
      "nvidia-smi",
      "kind get clusters",
      "kubectl get pods -A",
      "```",
      "",
      "**Fix:** start over",
      "",
      "```bash",
      "minikube delete --all --purge",
      "```",
      "",
      "**Fix:** wipe the VM",
      "",
      "```bash",
      "colima delete --data",
      "```",
      "",
      "**Fix:** reboot",
      "",
      "```bash",
      "sudo shutdown -r now",
      "```",
      "",
      "```bash",
      "reboot",
      "```",
    ].join("\n");
    const { draft, mdx } = await troubleshootingToPlaybook(md, { file: "cluster.md" });
    const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
    expect(errors).toEqual([]);
    expect(playbook!.steps.map((s) => [s.code, s.risk])).toEqual([
      ["minikube status", "read"],
      ["nvidia-smi\nkind get clusters\nkubectl get pods -A", "read"],
      ["minikube delete --all --purge", "danger"],
      ["colima delete --data", "danger"],
      ["sudo shutdown -r now", "danger"],
      ["reboot", "danger"],
    ]);
  });
});
