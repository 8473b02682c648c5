// The last "run all read steps" walk of a run: the steps it went through, in order, and why it
// stopped, in words (lib/runs/diagnosis-walk.ts writes them). The run panel and the run page show it.
import { useId } from "react";
import { InlineCodeText } from "@/components/inline-code-text";
import type { RunWalk } from "@/lib/runs/protocol";
import { VerdictBadge } from "./verdict-badge";

interface Props {
  walk: RunWalk | null;
  walking: boolean;
  /** Where a step of the path links to: its card on the playbook page. */
  stepHref: (stepId: string) => string;
}

export function WalkSummary({ walk, walking, stepHref }: Props) {
  const labelId = useId();
  if (!walk) return null;
  return (
    <section className="walk" aria-labelledby={labelId} data-walking={walking || undefined}>
      <p className="walk-label" id={labelId}>
        Run all read steps
      </p>
      {walk.path.length > 0 ? (
        <ol className="walk-path" aria-label="Path taken">
          {walk.path.map((entry, i) => (
            <li key={`${entry.stepId}-${i}`} data-step={entry.stepId}>
              <a href={stepHref(entry.stepId)}>
                <code>{entry.stepId}</code>
              </a>
              {entry.verdict === "skipped" ? (
                <span className="badge verdict verdict-skipped" title={entry.reason ?? undefined}>
                  Skipped
                </span>
              ) : (
                <VerdictBadge verdict={entry.verdict} />
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {walk.stopped ? (
        <p className="walk-stopped" role="status">
          <InlineCodeText text={walk.stopped} />
        </p>
      ) : walking ? (
        <p className="walk-going">Walking the playbook&apos;s decision tree…</p>
      ) : null}
    </section>
  );
}
