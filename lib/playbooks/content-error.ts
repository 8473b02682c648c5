import type { ContentError } from "./types";

/** A problem found inside one file, before the file name is attached; positions are 1-based. */
export interface Problem {
  line: number;
  column: number;
  message: string;
}

/** `file:line:col: message`, the form editors and terminals turn into a link. */
export function formatContentError(error: ContentError): string {
  const where = error.column === undefined ? `${error.line}` : `${error.line}:${error.column}`;
  return `${error.file}:${where}: ${error.message}`;
}

/** Errors in reading order, so the first one printed is the first one in the file. */
export function sortContentErrors(errors: ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/** A regex source's compile error as text, or undefined when it compiles. */
export function regexError(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
