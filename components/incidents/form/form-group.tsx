import type { ReactNode } from "react";
import styles from "./form.module.css";

/** One of the form's four parts: what happened, cause and fix, links, learnings. */
export function FormGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.group} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
