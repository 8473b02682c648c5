import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { parsePlaybook } from "@/lib/playbooks/parse-playbook";
import type { Playbook } from "@/lib/playbooks/types";
import { getCompiledBody } from "./body-cache";
import { compileBody } from "./compile-body";
import { renderPlaybookBody, type PlaybookComponents } from "./render-body";

const FIXTURE = "lib/render/fixtures/render-sample.mdx";

function fixture(): Playbook {
  const result = parsePlaybook(FIXTURE, readFileSync(path.resolve(FIXTURE)));
  if (!result.playbook) throw new Error(`fixture does not parse: ${JSON.stringify(result.errors)}`);
  return result.playbook;
}

// Rendering with the real components is tested beside them (components/mdx-components.test.tsx).
const Children = ({ children }: { children?: ReactNode }) => <>{children}</>;
const components: PlaybookComponents = { Step: Children, Callout: Children };

describe("renderPlaybookBody", () => {
  it("reports a body that does not compile with the file and the file's line", async () => {
    const playbook: Playbook = {
      ...fixture(),
      contentHash: "broken000001",
      bodyLine: 20,
      body: 'Intro.\n\n## Heading\n\n<Callout type="info">\nnever closed\n',
    };
    const body = await renderPlaybookBody(playbook, components);
    expect(body.ok).toBe(false);
    if (body.ok) return;
    expect(body.error.file).toBe(FIXTURE);
    // Line 5 of the body, which starts on line 20.
    expect(body.error).toMatchObject({ line: 24, column: 1, message: "Expected a closing tag for `<Callout>`" });
  });

  it("reports an error thrown while the body runs, at the body's first line", async () => {
    const playbook: Playbook = {
      ...fixture(),
      contentHash: "throws000001",
      bodyLine: 12,
      body: "Text {(() => { throw new Error('boom') })()}\n",
    };
    const body = await renderPlaybookBody(playbook, components);
    expect(body).toEqual({ ok: false, error: { file: FIXTURE, line: 12, message: "boom" } });
  });

  it("refuses components it does not provide, at their line", async () => {
    const result = await compileBody({
      file: "content/x.mdx",
      bodyLine: 7,
      sections: [],
      body: "Text\n\n<Terminal />\n",
    });
    expect(result).toEqual({
      ok: false,
      error: {
        file: "content/x.mdx",
        line: 9,
        column: 1,
        message: expect.stringContaining("unknown component <Terminal>"),
      },
    });
  });

  it("caches by content hash: the same version compiles once", async () => {
    const playbook = fixture();
    // The cache's own answer, not a timing: the same version shares one compile, a new one does not.
    const compiled = getCompiledBody(playbook);
    expect(getCompiledBody(playbook)).toBe(compiled);
    expect(getCompiledBody({ ...playbook, contentHash: `${playbook.contentHash}-edited` })).not.toBe(compiled);
    const first = await renderPlaybookBody(playbook, components);
    const second = await renderPlaybookBody(playbook, components);
    expect(first.ok && second.ok).toBe(true);
  });
});
