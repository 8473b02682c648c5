// Synthetic incidents for the search benchmark, as the rows lib/incidents/search-documents.ts reads,
// drawn from the same Zipf vocabulary as the generated playbooks. Like real ones, about half saw
// an error some playbook lists (pasted with the noise around it) and link that playbook.
// Deterministic: incident i is always the same.
import type { IncidentSearchRow } from "@/lib/incidents/search-documents";
import { errorLine } from "./generate-playbooks";
import { rng, vocabulary } from "./lib/vocabulary";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"];
const STATUSES = ["investigating", "mitigated", "resolved"];
const DAY = 86_400_000;

export function incidentRow(
  i: number,
  playbooks: ReadonlyArray<{ slug: string; symptoms: string[] }>,
): IncidentSearchRow {
  const rand = rng(1_000_003 + i);
  const { sentence } = vocabulary();
  const linked = rand() < 0.5 ? playbooks[Math.floor(rand() * playbooks.length)] : undefined;
  const seen = linked ? linked.symptoms[Math.floor(rand() * linked.symptoms.length)]! : errorLine(rand);
  const symptoms = [`2026-03-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z ${seen}`, errorLine(rand)];
  const started = new Date(Date.UTC(2026, 0, 1) + (i % 300) * DAY);
  const causes = 1 + Math.floor(rand() * 3);
  return {
    id: `inc${String(i).padStart(6, "0")}`,
    title: `Incident ${i}: ${sentence(rand, 5)}`,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    status: STATUSES[i % STATUSES.length]!,
    startedAt: started,
    createdAt: started,
    tags: [["alpha", "beta", "gamma", "delta"][i % 4]!, `t${i % 37}`],
    symptoms,
    summary: sentence(rand, 40),
    resolution: sentence(rand, 20),
    rootCauses: Array.from({ length: causes }, (_, k) => ({
      title: sentence(rand, 4),
      symptom: k === 0 ? seen : errorLine(rand),
      cause: sentence(rand, 30),
      fix: `${sentence(rand, 12)}.\n\n\`\`\`bash\nsudo systemctl restart ${vocabulary().word(rand)}\n\`\`\`\n`,
    })),
    learnings: Array.from({ length: 2 }, () => ({ text: sentence(rand, 15) })),
    playbooks: linked ? [{ playbookSlug: linked.slug }] : [],
  };
}
