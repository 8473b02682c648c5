import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlaybook } from "@/lib/playbooks/parse-playbook";
import { buildToc } from "./toc";

describe("buildToc", () => {
  it("lists headings and the steps under them in document order", () => {
    const file = "lib/render/fixtures/render-sample.mdx";
    const { playbook } = parsePlaybook(file, readFileSync(file));
    if (!playbook) throw new Error("fixture does not parse");
    expect(buildToc(playbook).map((e) => [e.kind, e.kind === "step" ? e.anchor : e.id, e.level])).toEqual([
      ["section", "is-podman-installed", 0],
      ["step", "step-podman-installed", 1],
      ["step", "step-install-podman", 1],
      ["section", "subordinate-ids", 0],
      ["step", "step-subuid-configured", 1],
      ["section", "try-a-container", 1],
      ["step", "step-run-image", 2],
    ]);
  });

  it("keeps steps before the first heading at the top level", () => {
    const toc = buildToc({
      sections: [],
      steps: [
        {
          id: "x",
          title: "X",
          lang: "bash",
          code: "",
          risk: "danger",
          expect: { exit: 0 },
          timeout: 60,
          text: "",
          line: 3,
        },
      ],
    });
    expect(toc).toEqual([{ kind: "step", id: "x", anchor: "step-x", title: "X", level: 0, risk: "danger", number: 1 }]);
  });
});
