import { FIELD_LABELS } from "@/lib/incidents/labels";
import styles from "../incidents.module.css";
import { DetailSection } from "./detail-section";

/** The error text as recorded: verbatim, never rendered as Markdown. */
export function SymptomsSection({ symptoms }: { symptoms: string[] }) {
  return (
    <DetailSection id="symptoms" headingId="h-symptoms" title={FIELD_LABELS.symptoms.label}>
      {symptoms.length ? (
        symptoms.map((s, i) => (
          <pre key={i} className={styles.symptomBlock}>
            {s}
          </pre>
        ))
      ) : (
        <p className="muted">None recorded.</p>
      )}
    </DetailSection>
  );
}
