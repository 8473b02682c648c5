import Link from "next/link";
import { FIELD_LABELS } from "@/lib/incidents/labels";
import { linkLabel, type LinkNames } from "@/lib/incidents/link-label";
import type { TimelineEntryInput } from "@/lib/incidents/schema";
import { formatTime } from "@/lib/format/dates";
import styles from "../incidents.module.css";
import { Markdown } from "../markdown";
import { DetailSection } from "./detail-section";

export function TimelineSection({ entries, names }: { entries: TimelineEntryInput[]; names: LinkNames }) {
  return (
    <DetailSection id="timeline" headingId="h-timeline" title={FIELD_LABELS.timeline.label}>
      {entries.length === 0 ? (
        <p className="muted">No entries.</p>
      ) : (
        <ol className={styles.timeline}>
          {entries.map((t, i) => (
            <li key={i}>
              <time className={styles.timelineWhen} dateTime={t.at.toISOString()}>
                {formatTime(t.at)}
              </time>
              <span className={styles.kind}>{t.kind}</span>
              <Markdown text={t.text} />
              {t.link ? (
                <p className={styles.timelineLink}>
                  → <Link href={t.link}>{linkLabel(t.link, names)}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </DetailSection>
  );
}
