// The values a playbook's commands take, as a table. Inputs reach commands as environment
// variables, which is why the name is shown as `$NAME`.
import type { PlaybookInput } from "@/lib/playbooks/types";
import { InlineCodeText } from "./inline-code-text";
import { TableHead } from "@/components/table-head";

export function InputsTable({ inputs }: { inputs: readonly PlaybookInput[] }) {
  if (inputs.length === 0) return null;
  return (
    <section id="inputs" className="playbook-section" aria-labelledby="inputs-title">
      <h2 id="inputs-title" className="section-label">
        Inputs
      </h2>
      <p className="section-hint">Steps read these as environment variables.</p>
      <div className="table-scroll">
        <table className="inputs-table">
          <TableHead columns={["Variable", "Meaning", "Default"]} />
          <tbody>
            {inputs.map((input) => (
              <tr key={input.name}>
                <td>
                  <code>${input.name}</code>
                  <div className="input-flags">
                    {input.required ? (
                      <span className="flag">required</span>
                    ) : (
                      <span className="flag flag-quiet">optional</span>
                    )}
                    {input.secret ? <span className="flag flag-secret">secret</span> : null}
                  </div>
                </td>
                <td>
                  <div className="input-label">{input.label}</div>
                  {input.description ? (
                    <div className="input-description">
                      <InlineCodeText text={input.description} />
                    </div>
                  ) : null}
                  {input.pattern ? (
                    <div className="input-description">
                      Must match <code>/{input.pattern}/</code>
                    </div>
                  ) : null}
                </td>
                <td data-label="Default">
                  {input.default !== undefined && input.default !== "" ? (
                    <code>{input.secret ? "••••••" : input.default}</code>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
