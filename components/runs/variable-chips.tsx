// A run's variables as chips, NAME=value, secrets masked: on the run panel, the run page, a step's
// captures and the confirmation dialog.
import { SHOWN_SECRET, type ShownVariable } from "./run-environment";

export function VariableChips({ variables, label }: { variables: readonly ShownVariable[]; label: string }) {
  return (
    <ul className="variable-chips" aria-label={label}>
      {variables.map((v) => (
        <li key={`${v.from}:${v.name}`}>
          <code data-from={v.from} title={v.from === "capture" ? "Captured from a step's output" : "Input"}>
            {v.name}={v.value ?? SHOWN_SECRET}
          </code>
        </li>
      ))}
    </ul>
  );
}
