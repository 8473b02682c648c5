// What the review page and publishing read from a draft. The classifier is the risk branch's; here
// a stand-in with the same contract gives fixed verdicts, so these tests pin this module's rules
// (the higher risk wins, an under-declared step blocks publishing), not the classifier's table.
import { describe, expect, it, vi } from "vitest";
import type { Classification } from "@/lib/playbooks/risk-classifier";

vi.mock("@/lib/playbooks/risk-classifier", () => ({
  classifyCommand: async (source: string): Promise<Classification> => {
    if (source.includes("explode")) throw new Error("unbalanced quote");
    const risk = source.startsWith("rm -rf") ? "danger" : source.startsWith("touch") ? "change" : "read";
    return {
      risk,
      findings: [{ risk, command: source, reason: `${risk} by the stand-in` }],
      summary: `${risk}: stand-in`,
    };
  },
}));

const { assessDraft, publishBlockers } = await import("./assess-draft");

const mdx = (steps: Array<[id: string, risk: string, code: string]>) => `---
title: Assessed
summary: A summary.
---

${steps
  .map(
    ([id, risk, code]) => `<Step id="${id}" title="${id}"${risk === "read" ? "" : ` risk="${risk}"`}>
\`\`\`bash
${code}
\`\`\`
</Step>`,
  )
  .join("\n\n")}
`;

describe("assessDraft", () => {
  it("takes the higher of the declared and the classified risk for each step, and the highest overall", async () => {
    const a = await assessDraft(
      mdx([
        ["look", "read", "ls"],
        ["fix", "change", "ls"],
        ["sneaky", "read", "touch /tmp/x"],
      ]),
      "assessed",
    );
    expect(a.errors).toEqual([]);
    expect(a.steps.map((s) => [s.step.id, s.declared, s.classification.risk, s.effective, s.underDeclared])).toEqual([
      ["look", "read", "read", "read", false],
      ["fix", "change", "read", "change", false],
      ["sneaky", "read", "change", "change", true],
    ]);
    expect(a.highest).toBe("change");
    expect(publishBlockers(a)).toEqual([
      'Step "sneaky" declares read, but the classifier finds change (change: stand-in): ' +
        'declare risk="change" in the draft.',
    ]);
  });

  it("calls a draft of read-only steps read, and one with a danger step danger", async () => {
    expect((await assessDraft(mdx([["look", "read", "ls"]]), "a")).highest).toBe("read");
    expect((await assessDraft(mdx([["wipe", "danger", "rm -rf /srv"]]), "a")).highest).toBe("danger");
  });

  it("treats a command the classifier cannot read as change, with the reason", async () => {
    const [step] = (await assessDraft(mdx([["odd", "read", "explode"]]), "a")).steps;
    expect(step?.effective).toBe("change");
    expect(step?.classification.findings[0]?.reason).toMatch(/could not read this command \(unbalanced quote\)/);
  });

  it("blocks publishing a draft that fails the format check", async () => {
    const a = await assessDraft("no frontmatter", "a");
    expect(a.errors.length).toBeGreaterThan(0);
    expect(publishBlockers(a)).toEqual(["The draft does not pass the format check."]);
  });
});
