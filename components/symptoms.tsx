// The error lines a playbook is for, verbatim, so a reader can compare them with what they see;
// a symptom tied to its diagnostic step links to that step.
import type { Playbook } from "@/lib/playbooks/types";
import { CopyButton } from "./copy-button";

export function Symptoms({ playbook }: { playbook: Pick<Playbook, "symptoms" | "symptomSteps" | "steps"> }) {
  if (playbook.symptoms.length === 0) return null;
  const titles = new Map(playbook.steps.map((s) => [s.id, s.title]));
  return (
    <section id="symptoms" className="playbook-section" aria-labelledby="symptoms-title">
      <h2 id="symptoms-title" className="section-label">
        Symptoms
      </h2>
      <p className="section-hint">You are in the right place if you see any of these.</p>
      <ul className="symptom-list">
        {playbook.symptoms.map((symptom) => {
          const step = playbook.symptomSteps[symptom];
          return (
            <li key={symptom} className="symptom" data-copy-root="">
              <span className="symptom-text">
                <code data-copy-source="">{symptom}</code>
                {step ? (
                  <a className="symptom-step" href={`#step-${step}`}>
                    Start at “{titles.get(step) ?? step}”
                  </a>
                ) : null}
              </span>
              <CopyButton label="Copy symptom" />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
