// Builds complete Playbook values from the few fields a search test or benchmark cares about.
import type { Playbook, Section, Step } from "@/lib/playbooks/types";

export interface PlaybookSketch {
  slug: string;
  title: string;
  summary?: string;
  tags?: string[];
  symptoms?: string[];
  intro?: string;
  sections?: Array<Pick<Section, "id" | "title" | "text">>;
  steps?: Array<Pick<Step, "id" | "title"> & Partial<Pick<Step, "code" | "text">>>;
}

export function makePlaybook(s: PlaybookSketch): Playbook {
  return {
    slug: s.slug,
    file: `content/${s.slug}.mdx`,
    title: s.title,
    summary: s.summary ?? "",
    tags: s.tags ?? [],
    symptoms: s.symptoms ?? [],
    symptomSteps: {},
    inputs: [],
    sections: (s.sections ?? []).map((sec, i) => ({ ...sec, depth: 2, line: 10 + i * 10 })),
    steps: (s.steps ?? []).map((st, i) => ({
      id: st.id,
      title: st.title,
      lang: "bash",
      code: st.code ?? "",
      text: st.text ?? "",
      risk: "read",
      expect: { exit: 0 },
      timeout: 60,
      line: 12 + i * 10,
    })),
    intro: s.intro ?? "",
    body: "",
    bodyLine: 1,
    contentHash: "000000000000",
    updatedAt: new Date(0),
  };
}
