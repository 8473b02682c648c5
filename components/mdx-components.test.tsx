import { readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parsePlaybook } from "@/lib/playbooks/parse-playbook";
import type { Playbook } from "@/lib/playbooks/types";
import { renderPlaybookBody } from "@/lib/render/render-body";
import { playbookComponents, type StepExtra } from "./mdx-components";

const FIXTURE = "lib/render/fixtures/render-sample.mdx";

function fixture(): Playbook {
  const result = parsePlaybook(FIXTURE, readFileSync(path.resolve(FIXTURE)));
  if (!result.playbook) throw new Error(`fixture does not parse: ${JSON.stringify(result.errors)}`);
  return result.playbook;
}

function render(playbook: Playbook, stepExtra?: StepExtra) {
  return renderPlaybookBody(playbook, playbookComponents(playbook, stepExtra));
}

async function html(playbook: Playbook): Promise<string> {
  const body = await render(playbook);
  if (!body.ok) throw new Error(`render failed: ${JSON.stringify(body.error)}`);
  return renderToStaticMarkup(<>{body.element}</>);
}

describe("renderPlaybookBody with the playbook components", () => {
  it("gives headings the content index's section ids", async () => {
    const playbook = fixture();
    const out = await html(playbook);
    expect(playbook.sections.map((s) => s.id)).toEqual(["is-podman-installed", "subordinate-ids", "try-a-container"]);
    for (const section of playbook.sections) expect(out).toContain(`id="${section.id}"`);
    expect(out).toMatch(/<h2 id="is-podman-installed">Is podman installed\?<a href="#is-podman-installed"/);
  });

  it("renders what the page adds under each step inside that step's card", async () => {
    const body = await render(fixture(), (stepId) => <p className="extra">extra for {stepId}</p>);
    if (!body.ok) throw new Error(`render failed: ${JSON.stringify(body.error)}`);
    const out = renderToStaticMarkup(<>{body.element}</>);
    const card = out.slice(
      out.indexOf('<section id="step-install-podman"'),
      out.indexOf('<section id="step-subuid-configured"'),
    );
    expect(card).toMatch(/<p class="extra">extra for (<!-- -->)?install-podman<\/p>/);
  });

  it("renders every step as a card with its anchor, risk, expectation, timeout and next steps", async () => {
    const out = await html(fixture());
    for (const id of ["podman-installed", "install-podman", "subuid-configured", "run-image"]) {
      expect(out).toContain(`<section id="step-${id}"`);
    }
    expect(out).toContain("Passes when the exit code is 0 and the output matches /podman version \\d+/");
    expect(out).toContain("Times out after 5 min");
    expect(out).toContain("Times out after 10 s");
    expect(out).toContain("Changes host");
    expect(out).toContain("Danger");
    // onFail names install-podman; install-podman has no onPass, so it falls through to the next step.
    expect(out).toMatch(
      /On fail<\/span><span aria-hidden="true">→<\/span><a href="#step-install-podman">Install podman<\/a>/,
    );
    expect(out).toContain('<span class="step-next-end">end of playbook</span>');
  });

  it("highlights code with both themes and wraps it with a copy button", async () => {
    const out = await html(fixture());
    expect(out).toContain('class="code-pre shiki shiki-themes github-light-default github-dark-default"');
    expect(out).toMatch(/style="--shiki-light:#[0-9a-fA-F]{6};--shiki-dark:#[0-9a-fA-F]{6}"/);
    expect(out).toContain('class="code-block" data-copy-root=""');
    expect(out).toContain('aria-label="Copy code"');
    // The command text survives highlighting intact.
    expect(out.replace(/<[^>]+>/g, "")).toContain("command -v podman &amp;&amp; podman --version");
  });

  it("renders callouts and GFM tables", async () => {
    const out = await html(fixture());
    expect(out).toContain('<aside class="callout callout-warning" aria-label="Warning: Rootless only">');
    expect(out).toContain('<div class="table-scroll"><table>');
  });

  it("collapses long sample output and leaves short output and commands open", async () => {
    const block = (lang: string, lines: number) =>
      ["```" + lang, ...Array.from({ length: lines }, (_, i) => `${lang} line ${i + 1}`), "```"].join("\n");
    const source = [
      "---\ntitle: Output blocks\nsummary: Sample output in prose.\n---\n",
      block("text", 5),
      block("console", 2),
      block("bash", 6),
    ].join("\n\n");
    const parsed = parsePlaybook("content/output-blocks.mdx", Buffer.from(source));
    if (!parsed.playbook) throw new Error(JSON.stringify(parsed.errors));
    const out = await html(parsed.playbook);
    const collapsed = [...out.matchAll(/<details class="output-block">([\s\S]*?)<\/details>/g)].map((m) => m[1]!);
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toContain('<span class="output-block-label">5 lines of text</span>');
    expect(collapsed[0]).toContain('<span class="output-block-first">text line 1</span>');
    expect(collapsed[0]).toContain("text line 5");
    // Short output (often the error line itself) and code to run are never hidden.
    const open = out.replace(/<details[\s\S]*?<\/details>/g, "").replace(/<[^>]+>/g, "");
    expect(open).toContain("console line 2");
    expect(open).toContain("bash line 6");
  });
});
