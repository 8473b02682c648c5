import type { Severity, Status } from "@/lib/incidents/schema";
import styles from "./incidents.module.css";

const SEVERITY_HINT: Record<Severity, string> = {
  SEV1: "Critical: widespread outage",
  SEV2: "Major: a key function is down",
  SEV3: "Minor: degraded, with a workaround",
  SEV4: "Low: cosmetic or no user impact",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`${styles.badge} ${styles[`sev${severity.slice(3)}`]}`} title={SEVERITY_HINT[severity]}>
      {severity}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`${styles.badge} ${styles[`status-${status}`]}`}>{status}</span>;
}
