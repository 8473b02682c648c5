// Turns the best part of a result into what the reader sees: label, deep link, snippet, highlights.
import type { PartField } from "./fields";
import type { PartScore } from "./part-scorer";
import { collapseWhitespace, makeSnippet, termRanges, type Range } from "./snippet";
import type { SearchMatch, SearchPart } from "./types";

/** Fields a snippet may show, in order of preference; the label already shows the part's title. */
const BODY_FIELDS = ["symptom", "code", "text"] as const satisfies readonly PartField[];

export function describeSymptomMatch<P extends string>(part: SearchPart<P>, range: Range): SearchMatch<P> {
  // The symptom matcher's range is over the collapsed line, as is the snippet.
  const text = collapseWhitespace(part.symptom ?? "");
  return { part: part.part, label: part.label, href: part.href, ...makeSnippet(text, [range]) };
}

export function describeMatch<P extends string>(part: SearchPart<P>, score: PartScore): SearchMatch<P> {
  let shown: (typeof BODY_FIELDS)[number] | undefined;
  for (const f of BODY_FIELDS) {
    if (!part[f] || !score.byField.has(f)) continue;
    if (!shown || (score.byField.get(f) ?? 0) > (score.byField.get(shown) ?? 0)) shown = f;
  }
  const source = shown ? part[shown] : (part.context ?? part.text ?? part.code ?? part.title ?? part.label);
  const text = collapseWhitespace(source ?? "");
  return { part: part.part, label: part.label, href: part.href, ...makeSnippet(text, termRanges(text, score.terms)) };
}
