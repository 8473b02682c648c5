import Link from "next/link";
import { LEARNING_KIND_LABELS, FIELD_LABELS } from "@/lib/incidents/labels";
import { LEARNING_KINDS, type LearningInput } from "@/lib/incidents/schema";
import styles from "../incidents.module.css";
import { Markdown } from "../markdown";
import { DetailSection } from "./detail-section";
import type { LinkNames } from "@/lib/incidents/link-label";

/** Learnings by kind, each saying which playbook (and step) shows it to the next reader. */
export function LearningsSection({ learnings, names }: { learnings: LearningInput[]; names: LinkNames }) {
  return (
    <DetailSection id="learnings" headingId="h-learnings" title={FIELD_LABELS.learnings.label}>
      {learnings.length === 0 ? <p className="muted">None recorded yet.</p> : null}
      {LEARNING_KINDS.map((kind) => {
        const ofKind = learnings.filter((l) => l.kind === kind);
        return ofKind.length ? (
          <div key={kind}>
            <h3>{LEARNING_KIND_LABELS[kind].label}</h3>
            <ul className={styles.learningList}>
              {ofKind.map((l, i) => (
                <LearningItem key={i} learning={l} names={names} />
              ))}
            </ul>
          </div>
        ) : null;
      })}
    </DetailSection>
  );
}

function LearningItem({ learning: l, names }: { learning: LearningInput; names: LinkNames }) {
  const href = l.playbookSlug ? `/playbooks/${l.playbookSlug}${l.stepId ? `#step-${l.stepId}` : "#learnings"}` : "";
  return (
    <li className={styles.learning}>
      <Markdown text={l.text} />
      {l.playbookSlug ? (
        <p className={styles.learningSource}>
          Shown on <Link href={href}>{names.playbook(l.playbookSlug)}</Link>
          {l.stepId ? ` · step “${names.step(l.playbookSlug, l.stepId)}”` : ""}
        </p>
      ) : null}
    </li>
  );
}
