import { describePath } from "../describe-path";
import { fieldId } from "../form-fields";
import styles from "../incidents.module.css";

export interface Issue {
  path: string;
  message: string;
}

/** Why the save was refused, each reason linking to its field; what was typed stays in the form. */
export function ErrorSummary({ message, issues }: { message: string; issues: Issue[] }) {
  return (
    <div className={styles.errorSummary} role="alert">
      <p>
        <strong>{message}</strong> Nothing was saved; everything you typed is still here.
      </p>
      {issues.length ? (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              <a href={`#${fieldId(i.path.split(".").slice(0, 3).join("."))}`}>{describePath(i.path)}</a>: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
