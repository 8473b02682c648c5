// The diff of a draft against the published version it replaces, as numbered lines; added and
// removed lines carry a sign as well as a colour, so they read without colour vision.
import type { DraftDiff } from "@/lib/drafts/draft-diff";
import styles from "./drafts.module.css";

const SIGN = { same: " ", added: "+", removed: "−" } as const;

export function DraftDiffView({ diff }: { diff: DraftDiff }) {
  if (diff.hunks.length === 0) return <p className="muted">The draft is the same as the published version.</p>;
  return (
    <div className={styles.diff}>
      <p className="muted">
        {diff.added} {diff.added === 1 ? "line" : "lines"} added, {diff.removed} removed.
      </p>
      {diff.hunks.map((hunk) => (
        <table key={`${hunk.oldStart}-${hunk.newStart}`} className={styles.hunk}>
          <tbody>
            {hunk.lines.map((line, i) => (
              <tr key={i} className={styles[line.kind]}>
                <td className={styles.lineNo}>{line.oldLine ?? ""}</td>
                <td className={styles.lineNo}>{line.newLine ?? ""}</td>
                <td className={styles.sign} aria-label={line.kind === "same" ? undefined : line.kind}>
                  {SIGN[line.kind]}
                </td>
                <td className={styles.lineText}>{line.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
