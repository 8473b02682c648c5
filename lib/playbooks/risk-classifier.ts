// PLACEHOLDER — replaced by the risk branch at merge
// Implements the classifier's contract trivially so the review work can be built and tested
// against its shape; the real classifier (a shell parser and a table of programs) comes from the
// risk branch. Nothing may rely on these verdicts.
import type { Risk } from "@/lib/playbooks/format";

export interface RiskFinding {
  risk: Risk;
  command: string;
  reason: string;
}

export interface Classification {
  risk: Risk;
  findings: RiskFinding[];
  summary: string;
}

export async function classifyCommand(source: string): Promise<Classification> {
  const command = source.trim().split("\n")[0] ?? "";
  const finding: RiskFinding = { risk: "change", command, reason: "placeholder classifier" };
  return { risk: "change", findings: [finding], summary: "change: placeholder classifier" };
}
