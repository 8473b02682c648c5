import { CAUSE_FIELDS } from "@/lib/incidents/fields";
import { FIELD_LABELS } from "@/lib/incidents/labels";
import type { RootCauseInput } from "@/lib/incidents/schema";
import styles from "../incidents.module.css";
import { Markdown } from "../markdown";
import { DetailSection } from "./detail-section";

/** Each root cause with the fields it has, under anchors (#cause-2) that search results link to. */
export function RootCausesSection({ causes }: { causes: RootCauseInput[] }) {
  const parts = FIELD_LABELS.rootCauses.parts;
  return (
    <DetailSection id="root-causes" headingId="h-causes" title={FIELD_LABELS.rootCauses.label}>
      {causes.length === 0 ? <p className="muted">None recorded yet.</p> : null}
      {causes.map((cause, i) => (
        <article key={i} className={styles.cause} id={`cause-${i + 1}`}>
          <h3>
            {i + 1}. {cause.title}
          </h3>
          {CAUSE_FIELDS.filter((field) => cause[field]).map((field) => (
            <div key={field} className={styles.causeField}>
              <p className={styles.causeLabel}>{parts[field].label}</p>
              <Markdown text={cause[field]} />
            </div>
          ))}
        </article>
      ))}
    </DetailSection>
  );
}
