import Link from "next/link";
import styles from "../incidents.module.css";

/** What can be done with the incident; editing is for operators, the rest for anyone signed in. */
export function IncidentActions({ id, canEdit }: { id: string; canEdit: boolean }) {
  return (
    <div className={styles.actions}>
      {canEdit ? (
        <Link className="button button-primary" href={`/incidents/${id}/edit`}>
          Edit
        </Link>
      ) : null}
      <a className="button" href={`/api/incidents/${id}/export?format=md`} download>
        Export Markdown
      </a>
      <a className="button" href={`/api/incidents/${id}/export?format=json`} download>
        Export JSON
      </a>
      <Link className="button" href={`/incidents/${id}/draft`}>
        Draft playbook
      </Link>
    </div>
  );
}
