// What the review page and publishing read from a draft, with the real classifier: the higher of
// the declared and the classified risk wins, and a step declared below the classifier blocks
// publishing unless riskReason says why.
import { describe, expect, it } from "vitest";
import { assessDraft, publishBlockers } from "./assess-draft";

const mdx = (steps: Array<[id: string, attrs: string, code: string]>) => `---
title: Assessed
summary: A summary.
---

${steps
  .map(
    ([id, attrs, code]) => `<Step id="${id}" title="${id}"${attrs}>
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
        ["look", "", "ls -la /var/log"],
        ["fix", ' risk="change"', "ls"],
        ["justified", ' riskReason="only touches a scratch file"', "touch /tmp/x"],
      ]),
      "assessed",
    );
    expect(a.errors).toEqual([]);
    expect(a.steps.map((s) => [s.step.id, s.declared, s.classification.risk, s.effective, s.underDeclared])).toEqual([
      ["look", "read", "read", "read", false],
      ["fix", "change", "read", "change", false],
      ["justified", "read", "change", "change", false],
    ]);
    expect(a.highest).toBe("change");
    expect(publishBlockers(a)).toEqual([]);
  });

  it("calls a draft of read-only steps read, and one with a danger step danger", async () => {
    expect((await assessDraft(mdx([["look", "", "ls"]]), "a")).highest).toBe("read");
    expect((await assessDraft(mdx([["wipe", ' risk="danger"', "rm -rf /srv"]]), "a")).highest).toBe("danger");
  });

  it("blocks publishing a step declared below the classifier, naming the line and the reason", async () => {
    const a = await assessDraft(mdx([["sneaky", "", "awk 'BEGIN{system(\"touch /tmp/x\")}'"]]), "a");
    expect(a.playbook).toBeUndefined();
    expect(publishBlockers(a)).toEqual([
      expect.stringMatching(/^content\/a\.mdx:\d+.*Step "sneaky" declares risk read/),
    ]);
  });

  it("blocks publishing a draft that fails the format check", async () => {
    const a = await assessDraft("no frontmatter", "a");
    expect(a.errors.length).toBeGreaterThan(0);
    expect(publishBlockers(a)).toEqual([expect.stringMatching(/^content\/a\.mdx/)]);
  });
});
