// What a reviewer needs to know about a draft: whether it passes the format check, and for each
// step the risk it declares, what the risk classifier finds in its command, and the higher of the
// two, which is the risk the review rules (two people) go by. A step that declares less than the
// classifier finds, with no riskReason, fails that check, so it cannot be published as it is.
import { checkDraft } from "@/lib/import/check-draft";
import { formatContentError } from "@/lib/playbooks/content-error";
import { underDeclares } from "@/lib/playbooks/check-playbook";
import { RISKS, type Risk } from "@/lib/playbooks/format";
import { classifyCommand, type Classification } from "@/lib/playbooks/risk-classifier";
import type { ContentError, Playbook, Step } from "@/lib/playbooks/types";

export interface StepAssessment {
  step: Step;
  declared: Risk;
  classification: Classification;
  /** The higher of the declared and the classified risk. */
  effective: Risk;
  /** Declares a lower risk than the classifier finds. */
  underDeclared: boolean;
}

export interface DraftAssessment {
  playbook?: Playbook;
  errors: ContentError[];
  steps: StepAssessment[];
  /** The highest effective risk of any step; "read" for a draft without steps. */
  highest: Risk;
}

export const higherRisk = (a: Risk, b: Risk): Risk => (RISKS.indexOf(a) >= RISKS.indexOf(b) ? a : b);

/** The classifier's verdict, or a conservative `change` when it cannot read the command at all. */
async function classify(code: string): Promise<Classification> {
  try {
    return await classifyCommand(code);
  } catch (err) {
    const reason = `the classifier could not read this command (${err instanceof Error ? err.message : String(err)})`;
    return { risk: "change", findings: [{ risk: "change", command: code, reason }], summary: `change: ${reason}` };
  }
}

export async function assessDraft(mdx: string, slug: string): Promise<DraftAssessment> {
  const { playbook, errors } = await checkDraft(mdx, slug);
  const steps = await Promise.all(
    (playbook?.steps ?? []).map(async (step): Promise<StepAssessment> => {
      const classification = await classify(step.code);
      const effective = higherRisk(step.risk, classification.risk);
      return { step, declared: step.risk, classification, effective, underDeclared: underDeclares(step, effective) };
    }),
  );
  const highest = steps.reduce<Risk>((max, s) => higherRisk(max, s.effective), "read");
  return { playbook, errors, steps, highest };
}

/** Why the draft cannot be published as it is (the content check's file:line errors); empty when it can. */
export function publishBlockers(assessment: DraftAssessment): string[] {
  return assessment.errors.map(formatContentError);
}
