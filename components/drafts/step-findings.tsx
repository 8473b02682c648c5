// Under each step card of a draft: what the risk classifier finds in its command, and the risk the
// review goes by (the higher of the declared and the classified one).
import Link from "next/link";
import { RiskBadge } from "@/components/risk-badge";
import { CLASSIFIER_HELP } from "@/lib/help/help-pages";
import type { StepAssessment } from "@/lib/drafts/assess-draft";
import styles from "./drafts.module.css";

export function StepFindings({ assessment }: { assessment: StepAssessment }) {
  const { classification, declared, effective, underDeclared } = assessment;
  return (
    <section className={styles.findings} aria-label={`Risk findings for step ${assessment.step.id}`}>
      <p className={styles.findingsHead}>
        <span>Classifier:</span> <RiskBadge risk={classification.risk} />
        {underDeclared ? (
          <strong className={styles.refusal}>
            Declares {declared}, but the classifier finds {effective}: declare risk=&quot;{effective}&quot; before
            publishing. <Link href={CLASSIFIER_HELP}>How commands are classified</Link>
          </strong>
        ) : (
          <span className="muted">Reviewed as {effective}.</span>
        )}
      </p>
      {/* A read step has no findings to list: the summary says that every command only reads. */}
      {classification.findings.length === 0 ? (
        <p className={styles.finding} data-finding="summary">
          {classification.summary}
        </p>
      ) : (
        <ul className={styles.findingList}>
          {classification.findings.map((finding, i) => (
            <li key={i} className={styles.finding}>
              <RiskBadge risk={finding.risk} />
              <code className={styles.findingCommand}>{finding.command}</code>
              <span>{finding.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
