// A step's command with a run's values written in where it expands them (its VariableUses, found by
// the shell parser at content-check time), quoted so the shell reads each value back unchanged: a
// bare word gets single quotes when it needs any, a use inside double quotes gets \ " $ and `
// escaped. Client-safe: Copy on a step does this in the browser. Limits: docs/runs-ui.md.
import type { VariableUse } from "@/lib/playbooks/types";

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function fillVariables(code: string, uses: readonly VariableUse[], values: Record<string, string>): string {
  let out = "";
  let at = 0;
  for (const use of [...uses].sort((a, b) => a.start - b.start)) {
    const value = Object.hasOwn(values, use.name) ? values[use.name] : undefined;
    if (value === undefined || use.start < at) continue;
    out += code.slice(at, use.start) + (use.quoted ? inDoubleQuotes(value) : asWord(value));
    at = use.end;
  }
  return out + code.slice(at);
}

function asWord(value: string): string {
  return SAFE_WORD.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

function inDoubleQuotes(value: string): string {
  return value.replace(/[\\"$`]/g, "\\$&");
}
