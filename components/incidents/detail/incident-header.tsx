import type { IncidentRecord } from "@/lib/incidents/types";
import { SeverityBadge, StatusBadge } from "../badges";
import { formatDay } from "@/lib/format/dates";
import styles from "../incidents.module.css";
import { IncidentActions } from "./incident-actions";
import { IncidentFacts } from "./incident-facts";
import type { LinkNames } from "@/lib/incidents/link-label";

interface Props {
  incident: IncidentRecord;
  canEdit: boolean;
  names: LinkNames;
}

export function IncidentHeader({ incident, canEdit, names }: Props) {
  const day = incident.startedAt ?? incident.createdAt;
  return (
    <header className={styles.detailHeader}>
      <div className={styles.meta}>
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <time dateTime={day.toISOString()}>{formatDay(day)}</time>
      </div>
      <h1>{incident.title}</h1>
      <IncidentFacts incident={incident} names={names} />
      <IncidentActions id={incident.id} canEdit={canEdit} />
    </header>
  );
}
