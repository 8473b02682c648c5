// The import report on the page: what the importer made of each part of a guide, at the guide's own
// lines, so a reviewer can check a step against its source. The same parts as the terminal report
// (lib/import/format-report.ts). No hooks: the review page renders it on the server, the upload
// form's preview in the browser.
import type { ReactNode } from "react";
import { RiskBadge, WithCode } from "@/components/risk-badge";
import { describeDecision } from "@/lib/import/format-report";
import type { ImportReport } from "@/lib/import/import-report";
import styles from "./import-report.module.css";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Line({ line }: { line: number }) {
  // Line 0: the importer did not say where (an older report, or a part made from the whole guide).
  return <span className={styles.line}>{line > 0 ? `line ${line}` : ""}</span>;
}

function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className={styles.part} aria-label={title}>
      <h3>
        {title} <span className={styles.count}>({count})</span>
      </h3>
      <ul className={styles.items}>{children}</ul>
    </section>
  );
}

export interface ImportReportViewProps {
  report: ImportReport;
  open?: boolean;
  /** A sentence after the lead, about where this report stands. */
  note?: string;
}

export function ImportReportView({ report, open = false, note }: ImportReportViewProps) {
  const kept = report.blocks.filter((b) => b.decision.kind !== "step").sort((a, b) => a.line - b.line);
  const counts = [
    plural(report.steps.length, "step"),
    plural(report.problems.length, "problem"),
    `${plural(kept.length, "block")} kept out of steps`,
    plural(report.placeholders.length, "input"),
    plural(report.notes.length, "note"),
  ].join(" · ");
  const empty = report.steps.length + report.problems.length + kept.length + report.notes.length === 0;
  const lines = [report.problems, report.steps, kept, report.placeholders, report.notes].flat().map((x) => x.line);
  const lined = lines.some((line) => line > 0);

  return (
    <details className={`${styles.report}${lined ? "" : ` ${styles.unlined}`}`} open={open} data-import-report="">
      <summary>
        <span className={styles.summaryTitle}>Import report</span>
        <span className={styles.summaryCounts}>{counts}</span>
      </summary>
      <div className={styles.body}>
        <p className={styles.lead}>
          What the importer made of <code>{report.file}</code>. Lines are the guide&apos;s own.
          {note ? ` ${note}` : null}
        </p>
        {empty ? <p className={styles.lead}>The importer found nothing to report in this guide.</p> : null}

        <Part title="Problems found" count={report.problems.length}>
          {report.problems.map((p, i) => (
            <li key={i} className={styles.item}>
              <Line line={p.line} />
              <div>
                <strong>{p.title}</strong>
                <p className={styles.detail}>
                  {p.stepIds.length ? (
                    <>
                      Steps{" "}
                      {p.stepIds.map((id, j) => (
                        <span key={id}>
                          {j > 0 ? ", " : ""}
                          <code>{id}</code>
                        </span>
                      ))}
                    </>
                  ) : (
                    "No steps"
                  )}
                  {p.symptoms.length ? <>; symptoms {p.symptoms.map((s) => `“${s}”`).join(", ")}</> : null}
                </p>
              </div>
            </li>
          ))}
        </Part>

        <Part title="Steps made" count={report.steps.length}>
          {report.steps.map((s) => (
            <li key={s.id} className={styles.item}>
              <Line line={s.line} />
              <div>
                <p className={styles.stepHead}>
                  <code className={styles.stepId}>{s.id}</code>
                  <RiskBadge risk={s.risk} reason={s.riskReason || undefined} />
                  <span className={styles.chip}>{s.role}</span>
                  {s.root ? <span className={styles.chip}>as root</span> : null}
                </p>
                <p className={styles.stepTitle}>{s.title}</p>
                {s.riskReason ? (
                  <p className={styles.detail}>
                    Why {s.risk}: <WithCode text={s.riskReason} />
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </Part>

        <Part title="Blocks kept as prose, output or symptoms" count={kept.length}>
          {kept.map((b, i) => (
            <li key={i} className={styles.item}>
              <Line line={b.line} />
              <div>
                <p className={styles.stepHead}>
                  <span className={styles.chip}>{b.class}</span>
                  {b.lang ? <code>```{b.lang}</code> : null}
                  <span>→ {describeDecision(b.decision)}</span>
                </p>
                {b.reason ? (
                  <p className={styles.detail}>
                    <WithCode text={b.reason} />
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </Part>

        <Part title="Placeholders made inputs" count={report.placeholders.length}>
          {report.placeholders.map((p, i) => (
            <li key={i} className={styles.item}>
              <Line line={p.line} />
              <p className={styles.stepHead}>
                <code>{p.text}</code> → <code>{p.input}</code>
              </p>
            </li>
          ))}
        </Part>

        <Part title="Notes" count={report.notes.length}>
          {report.notes.map((n, i) => (
            <li key={i} className={styles.item}>
              <Line line={n.line} />
              <p className={styles.note}>
                <WithCode text={n.message} />
              </p>
            </li>
          ))}
        </Part>
      </div>
    </details>
  );
}
