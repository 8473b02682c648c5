// A playbook becomes one search document whose parts are the places a reader can be sent to:
// the title block, the summary, each symptom line, each section and each step. Symptom lines are
// indexed only as their own parts (not again on the title block) so a symptom hit is counted once
// and deep-links to the step that diagnoses it, or to #symptoms when none is named. A step also
// scores with its symptoms (`leadsHere`), so a paraphrase of a symptom finds the step that
// diagnoses it rather than a fix that shares more of the words.
import type { Playbook } from "@/lib/playbooks/types";
import type { PlaybookHead, PlaybookMatchPart, SearchDoc, SearchPart } from "./types";

/** A step that changes the host and that no symptom names is a fix: a reader searching for a
 *  problem should land on the check that leads to it, unless the fix matches clearly better. */
const FIX_LANDING = 0.5;

export function playbookHref(slug: string, anchor?: string): string {
  const path = `/playbooks/${encodeURIComponent(slug)}`;
  return anchor ? `${path}#${anchor}` : path;
}

function stepTitle(p: Playbook, id: string): string {
  return p.steps.find((s) => s.id === id)?.title ?? id;
}

export function playbookDocument(p: Playbook): SearchDoc<PlaybookHead, PlaybookMatchPart> {
  const parts: Array<SearchPart<PlaybookMatchPart>> = [
    { part: "title", label: p.title, href: playbookHref(p.slug), title: p.title, tags: p.tags, context: p.summary },
    {
      part: "summary",
      label: "Summary",
      href: playbookHref(p.slug),
      text: [p.summary, p.intro].filter(Boolean).join("\n"),
    },
  ];
  for (const symptom of p.symptoms) {
    // A symptom tied to its diagnostic step links there; others to the list of symptoms.
    const step = p.symptomSteps[symptom];
    const href = playbookHref(p.slug, step ? `step-${step}` : "symptoms");
    parts.push({ part: "symptom", label: step ? `Symptom → step "${stepTitle(p, step)}"` : "Symptom", href, symptom });
  }
  for (const s of p.sections) {
    parts.push({ part: "section", label: s.title, href: playbookHref(p.slug, s.id), title: s.title, text: s.text });
  }
  const symptomsOf = new Map<string, string[]>();
  for (const symptom of p.symptoms) {
    const step = p.symptomSteps[symptom];
    if (step) symptomsOf.set(step, [...(symptomsOf.get(step) ?? []), symptom]);
  }
  for (const step of p.steps) {
    parts.push({
      part: "step",
      label: `Step "${step.title}"`,
      href: playbookHref(p.slug, `step-${step.id}`),
      title: step.title,
      text: step.text,
      code: step.code,
      leadsHere: symptomsOf.get(step.id),
      landing: step.risk === "read" || symptomsOf.has(step.id) ? 1 : FIX_LANDING,
    });
  }
  return {
    key: `playbook:${p.slug}`,
    title: p.title,
    head: { kind: "playbook", slug: p.slug, title: p.title, summary: p.summary, tags: p.tags },
    tags: p.tags,
    parts,
  };
}
