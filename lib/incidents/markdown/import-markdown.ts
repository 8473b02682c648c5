// Markdown write-up → validated incident. Write-ups Casebook exported are read exactly; any other
// write-up is read by its headings (parse-writeup.ts). Problems name the file and line.
import { IncidentInputError, incidentInputSchema, issuesFromZod, type IncidentInput } from "../schema";
import { MARKER } from "./format";
import { parseExportedWriteUp } from "./parse-exported";
import { parseWriteUp } from "./parse-writeup";
import type { ParsedWriteUp } from "./raw-incident";

export function parseIncidentMarkdown(source: string): ParsedWriteUp {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  return lines.includes(MARKER) ? parseExportedWriteUp(source) : parseWriteUp(source);
}

/** The line a validation issue points at: the deepest recorded prefix of its path. */
function lineOf(lines: Map<string, number>, path: string): number {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const line = lines.get(parts.slice(0, n).join("."));
    if (line !== undefined) return line;
  }
  return lines.get("title") ?? 1;
}

/** Parses and validates; throws IncidentInputError whose messages read `file:line: field: reason`. */
export function importIncidentMarkdown(source: string, file = "write-up.md"): IncidentInput {
  const parsed = parseIncidentMarkdown(source);
  const result = incidentInputSchema.safeParse(parsed.incident);
  if (result.success) return result.data;
  throw new IncidentInputError(
    issuesFromZod(result.error).map((issue) => ({
      path: issue.path,
      message: `${file}:${lineOf(parsed.lines, issue.path)}: ${issue.message}`,
    })),
  );
}
