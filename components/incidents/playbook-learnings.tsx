// The feedback loop on the playbook page: what past incidents taught about this playbook, and about
// each step, collapsed until asked for. Server components; the playbook page places them (see
// docs/incidents.md).
import Link from "next/link";
import { cache } from "react";
import { countIncidents, listPlaybookLearnings, type PlaybookLearning } from "@/lib/incidents/list-playbook-learnings";
import { log } from "@/lib/log";
import { formatDay } from "@/lib/format/dates";
import { Markdown } from "./markdown";
import styles from "./incidents.module.css";

// One query per page render, shared by the playbook section and every step card.
const playbookLearnings = cache(async (slug: string): Promise<PlaybookLearning[]> => {
  try {
    return await listPlaybookLearnings(slug);
  } catch (err) {
    // The playbook must render even when the incident store is unavailable.
    log.error({ err, slug }, "could not load learnings for the playbook page");
    return [];
  }
});

async function learningsOrNone(slug: string, stepId?: string): Promise<PlaybookLearning[]> {
  const all = await playbookLearnings(slug);
  return stepId ? all.filter((l) => l.stepId === stepId) : all;
}

function LearningItem({ learning, showStep }: { learning: PlaybookLearning; showStep: boolean }) {
  return (
    <li className={styles.learning}>
      <Markdown text={learning.text} />
      <p className={styles.learningSource}>
        From <Link href={`/incidents/${learning.incident.id}`}>{learning.incident.title}</Link>
        {" · "}
        <time dateTime={learning.incident.date.toISOString()}>{formatDay(learning.incident.date)}</time>
        {showStep && learning.stepId ? (
          <>
            {" · "}
            <a href={`#step-${learning.stepId}`}>step {learning.stepId}</a>
          </>
        ) : null}
      </p>
    </li>
  );
}

/** Whether the page has a learnings section, for its table of contents. */
export async function hasPlaybookLearnings(slug: string): Promise<boolean> {
  return (await learningsOrNone(slug)).length > 0;
}

/** "Learnings from N incidents": every learning attached to the playbook, newest incident first.
 *  The list starts collapsed: the page is long, and a link to #learnings opens it. */
export async function PlaybookLearnings({ slug }: { slug: string }) {
  const learnings = await learningsOrNone(slug);
  if (learnings.length === 0) return null;
  const n = countIncidents(learnings);
  return (
    <section className={styles.learnings} id="learnings" aria-labelledby="learnings-heading">
      <h2 id="learnings-heading">
        Learnings from {n} {n === 1 ? "incident" : "incidents"}
      </h2>
      <details className={styles.collapsed}>
        <summary>
          Show {learnings.length} {learnings.length === 1 ? "learning" : "learnings"}
        </summary>
        <ul className={styles.learningList}>
          {learnings.map((l, i) => (
            <LearningItem key={i} learning={l} showStep />
          ))}
        </ul>
      </details>
      <p className={styles.learningMore}>
        <Link href={`/incidents?playbook=${encodeURIComponent(slug)}`}>All incidents linked to this playbook</Link>
      </p>
    </section>
  );
}

/** The learnings attached to one step, shown with the step. */
export async function StepLearnings({ slug, stepId }: { slug: string; stepId: string }) {
  const learnings = await learningsOrNone(slug, stepId);
  if (learnings.length === 0) return null;
  return (
    <aside className={styles.stepLearnings} aria-label={`Learnings for step ${stepId}`} data-step-learnings={stepId}>
      <details className={styles.collapsed}>
        <summary className={styles.stepLearningsTitle}>Learned in past incidents ({learnings.length})</summary>
        <ul className={styles.learningList}>
          {learnings.map((l, i) => (
            <LearningItem key={i} learning={l} showStep={false} />
          ))}
        </ul>
      </details>
    </aside>
  );
}
