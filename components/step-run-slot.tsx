// Where a step card's Run controls go. The runs work (issue 3) fills this in; the reading pages
// already render it in every step card, so adding Run touches only this file.
export function StepRunSlot(_props: { playbook: string; step: string }) {
  return null;
}
