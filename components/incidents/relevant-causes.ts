// Which of an incident's root causes a pasted error is about: those whose symptom shares the
// error's distinctive words. When none does, every cause is relevant.
import type { IncidentHead } from "@/lib/incidents/search-source";

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9_./-]{4,}/g) ?? []);

export function relevantCauses(query: string, causes: IncidentHead["causes"]): IncidentHead["causes"] {
  const q = words(query);
  const scored = causes.map((c) => ({ c, n: [...words(`${c.title} ${c.symptom}`)].filter((w) => q.has(w)).length }));
  const best = Math.max(0, ...scored.map((s) => s.n));
  return best === 0 ? causes : scored.filter((s) => s.n === best).map((s) => s.c);
}
