// One entry point for an uploaded or command-line incident file: JSON or a Markdown write-up.
import { importIncidentJson } from "./export-json";
import { importIncidentMarkdown } from "./markdown/import-markdown";
import type { IncidentInput } from "./schema";

export function importIncidentFile(text: string, file: string): IncidentInput {
  const looksJson = file.toLowerCase().endsWith(".json") || text.trimStart().startsWith("{");
  return looksJson ? importIncidentJson(text, file) : importIncidentMarkdown(text, file);
}
