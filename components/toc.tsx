// "On this page": symptoms, inputs, then headings and steps in document order, then learnings.
import type { ReactNode } from "react";
import type { TocEntry } from "@/lib/render/toc";
import { TocSpy } from "./toc-spy";

/** The desktop rail beside a page's prose, with the spy that marks where the reader is. */
export function TocRail({ children }: { children: ReactNode }) {
  return (
    <aside className="toc-rail" aria-label="On this page">
      <p className="toc-heading">On this page</p>
      {children}
      <TocSpy container=".toc-rail" />
    </aside>
  );
}

export function TableOfContents({
  entries,
  hasSymptoms,
  hasInputs,
  hasLearnings,
}: {
  entries: readonly TocEntry[];
  hasSymptoms: boolean;
  hasInputs: boolean;
  hasLearnings: boolean;
}) {
  return (
    <ol className="toc-list">
      {hasSymptoms ? (
        <li className="toc-item toc-level-0">
          <a href="#symptoms">Symptoms</a>
        </li>
      ) : null}
      {hasInputs ? (
        <li className="toc-item toc-level-0">
          <a href="#inputs">Inputs</a>
        </li>
      ) : null}
      {entries.map((entry) =>
        entry.kind === "section" ? (
          <li key={`s-${entry.id}`} className={`toc-item toc-level-${Math.min(entry.level, 3)}`}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ) : (
          <li key={`t-${entry.id}`} className={`toc-item toc-step toc-level-${Math.min(entry.level, 3)}`}>
            <a href={`#${entry.anchor}`}>
              <span className={`toc-step-dot risk-dot-${entry.risk}`} aria-hidden="true" />
              <span className="toc-step-number">{entry.number}.</span> {entry.title}
            </a>
          </li>
        ),
      )}
      {hasLearnings ? (
        <li className="toc-item toc-level-0">
          <a href="#learnings">Learnings</a>
        </li>
      ) : null}
    </ol>
  );
}
