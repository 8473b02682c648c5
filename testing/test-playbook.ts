// Builds Playbook objects for tests without going through the MDX parser.
import type { Playbook, PlaybookInput, Step } from "@/lib/playbooks/types";

export function testStep(id: string, code: string, extra: Partial<Step> = {}): Step {
  return {
    id,
    title: `Step ${id}`,
    lang: "bash",
    code,
    risk: "read",
    expect: { exit: 0 },
    timeout: 60,
    text: "",
    line: 1,
    ...extra,
  };
}

export function testPlaybook(slug: string, steps: Step[], extra: Partial<Playbook> = {}): Playbook {
  return {
    slug,
    file: `content/${slug}.mdx`,
    title: slug,
    summary: "",
    tags: ["test"],
    symptoms: [],
    symptomSteps: {},
    inputs: [] as PlaybookInput[],
    steps,
    sections: [],
    intro: "",
    body: "",
    bodyLine: 1,
    contentHash: "0123456789ab",
    updatedAt: new Date(0),
    ...extra,
  };
}
