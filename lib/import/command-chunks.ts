// A block whose parts are introduced by comments ("# Verify", "# Apply configuration") holds
// several steps; splitting it lets a check be a `read` step apart from the fix around it.
import { classifyCommand } from "@/lib/playbooks/risk-classifier";
import type { Risk } from "@/lib/playbooks/types";

export interface CommandChunk {
  code: string;
  /** The comment line that introduces it, as a title. */
  comment: string | null;
  risk: Risk;
  /** The classifier's reason, without the risk in front: "`sed -i` edits files in place". */
  reason: string;
}

/** A command's risk and the classifier's reason for it. */
export async function riskOf(code: string): Promise<{ risk: Risk; reason: string }> {
  const c = await classifyCommand(code);
  // The summary reads "change: `sed -i` edits files in place"; the report names the risk itself.
  return { risk: c.risk, reason: c.summary.replace(/^\w+:\s*/, "") };
}

export async function chunksOf(commands: string): Promise<CommandChunk[]> {
  const paragraphs = commands
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const whole = async () => [{ code: commands, comment: null, ...(await riskOf(commands)) }];
  if (paragraphs.length < 2 || /<<-?\s*['"]?\w+/.test(commands)) return whole();
  // A paragraph of comments only introduces the commands after it.
  const joined: string[] = [];
  let lead: string[] = [];
  for (const p of paragraphs) {
    if (p.split("\n").every((l) => /^\s*#/.test(l))) lead.push(p);
    else {
      joined.push([...lead, p].join("\n"));
      lead = [];
    }
  }
  if (lead.length && joined.length) joined[joined.length - 1] += `\n\n${lead.join("\n")}`;
  if (joined.length < 2) return whole();
  const chunks = joined.map((code) => ({
    code,
    comment: /^#\s*(.+)$/.exec(code.split("\n")[0] ?? "")?.[1]?.trim() ?? null,
  }));
  // Merge neighbours of the same risk: one step per change of intent, not per paragraph.
  const merged: Array<Omit<CommandChunk, "reason">> = [];
  for (const c of chunks) {
    const { risk } = await classifyCommand(c.code);
    const last = merged[merged.length - 1];
    if (last && last.risk === risk) last.code = `${last.code}\n\n${c.code}`;
    else merged.push({ ...c, risk });
  }
  // Merging can only join steps of one risk, but two commands together may read differently.
  return Promise.all(merged.map(async (m) => ({ ...m, ...(await riskOf(m.code)) })));
}
