// A generated step declares at least the risk the classifier finds in its command, so a draft from
// an incident or a guide never under-declares (the awk system() "check" drafts as a change step).
// Raising is the only direction: a generator that already chose a higher risk keeps it.
import { RISKS } from "@/lib/playbooks/format";
import { classifyCommand } from "@/lib/playbooks/risk-classifier";
import type { DraftBlock, PlaybookDraft } from "./playbook-draft";

export async function withClassifiedRisks(draft: PlaybookDraft): Promise<PlaybookDraft> {
  const blocks = await Promise.all(
    draft.blocks.map(async (block): Promise<DraftBlock> => {
      if (block.kind !== "step") return block;
      const found = (await classifyCommand(block.step.code)).risk;
      return RISKS.indexOf(found) > RISKS.indexOf(block.step.risk)
        ? { ...block, step: { ...block.step, risk: found } }
        : block;
    }),
  );
  return { ...draft, blocks };
}
