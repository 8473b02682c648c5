import { FIELD_LABELS } from "@/lib/incidents/labels";
import type { ActionItemInput } from "@/lib/incidents/schema";
import styles from "../incidents.module.css";
import { DetailSection } from "./detail-section";

/** The follow-up as a read-only checklist; it is ticked off in the form. */
export function NextStepsSection({ items }: { items: ActionItemInput[] }) {
  return (
    <DetailSection id="next-steps" headingId="h-actions" title={FIELD_LABELS.actionItems.label}>
      {items.length === 0 ? (
        <p className="muted">No follow-up recorded.</p>
      ) : (
        <ul className={styles.checklist}>
          {items.map((a, i) => (
            <li key={i}>
              <input type="checkbox" checked={a.done} readOnly disabled aria-label={a.done ? "done" : "open"} />{" "}
              {a.text}
              {a.owner ? <span className="muted"> — {a.owner}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}
