// The error lines a playbook is for, verbatim, so a reader can compare them with what they see.
import { CopyButton } from "./copy-button";

export function Symptoms({ symptoms }: { symptoms: readonly string[] }) {
  if (symptoms.length === 0) return null;
  return (
    <section id="symptoms" className="playbook-section" aria-labelledby="symptoms-title">
      <h2 id="symptoms-title" className="section-label">
        Symptoms
      </h2>
      <p className="section-hint">You are in the right place if you see any of these.</p>
      <ul className="symptom-list">
        {symptoms.map((symptom) => (
          <li key={symptom} className="symptom" data-copy-root="">
            <code data-copy-source="">{symptom}</code>
            <CopyButton label="Copy symptom" />
          </li>
        ))}
      </ul>
    </section>
  );
}
