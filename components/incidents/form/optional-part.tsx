"use client";
// A part of the form most incidents leave empty, folded away until wanted. It starts open when it
// holds something, and opens by itself when the server finds a problem in it, so no reason is
// hidden. A <details>, so it folds without JavaScript too.
import { useState, type ReactNode } from "react";
import styles from "./form.module.css";

interface Props {
  title: string;
  /** What it holds, in a few words ("3 entries"), or that it is optional. */
  note: string;
  /** Whether it held anything when the form opened. */
  filled: boolean;
  hasErrors: boolean;
  /** Inside a card: a lighter frame. */
  inCard?: boolean;
  children: ReactNode;
}

export function OptionalPart({ title, note, filled, hasErrors, inCard, children }: Props) {
  const [open, setOpen] = useState(filled || hasErrors);
  const [hadErrors, setHadErrors] = useState(hasErrors);
  // Adjusted while rendering (not in an effect), so the part is open in the same paint as the reasons.
  if (hasErrors !== hadErrors) {
    setHadErrors(hasErrors);
    if (hasErrors) setOpen(true);
  }
  return (
    <details
      className={`${styles.optional} ${inCard ? styles.inCard : ""}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {title} <span className={styles.summaryNote}>{note}</span>
      </summary>
      <div className={styles.optionalBody}>{children}</div>
    </details>
  );
}
