import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { checkPlaybook } from "@/lib/playbooks/check-playbook";
import { StepCard } from "./step-card";

const source = (attributes: string, code: string) =>
  `---\ntitle: T\nsummary: S\n---\n\n<Step id="a" title="A" ${attributes}>\n\`\`\`bash\n${code}\n\`\`\`\n</Step>\n`;

async function card(attributes: string, code: string): Promise<string> {
  const { playbook, errors } = await checkPlaybook("content/x.mdx", source(attributes, code));
  if (!playbook) throw new Error(JSON.stringify(errors));
  return renderToStaticMarkup(<StepCard playbook={playbook} step={playbook.steps[0]!} />);
}

describe("the step card's risk reason", () => {
  it("shows an override's reason beside the badge, with what the classifier found", async () => {
    const html = await card('riskReason="Only sources the virtualenv"', ". .venv/bin/activate && ray status");
    expect(html).toContain('title="Diagnostic; changes nothing on the host. Why: Only sources the virtualenv"');
    expect(html).toMatch(
      /class="step-risk-reason step-risk-overridden".*Read-only by review:<\/strong> Only sources the virtualenv/,
    );
    expect(html).toContain("The classifier alone says changes host: <code>.</code> runs the commands of another file");
  });

  it("shows a reason that raises the risk without calling it an override", async () => {
    const html = await card('risk="danger" riskReason="Drops the production cache"', "cat /etc/hosts");
    expect(html).toContain("<strong>Why this risk:</strong> Drops the production cache");
    expect(html).not.toContain("step-risk-overridden");
  });

  it("shows nothing extra without a reason", async () => {
    expect(await card('risk="change"', "systemctl restart nginx")).not.toContain("step-risk-reason");
  });
});
