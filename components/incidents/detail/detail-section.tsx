import type { ReactNode } from "react";
import styles from "../incidents.module.css";

/** One section of the incident page; `id` is its anchor, linked from search results. */
export function DetailSection(props: { id: string; headingId: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.section} id={props.id} aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}
