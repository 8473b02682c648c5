// STUB (interface only; being implemented): the error lines of a guide, the text people paste.

/** Error lines in a block of program output: each a symptom candidate, junk rejected. */
export function errorLinesInOutput(lines: readonly string[]): string[] {
  void lines;
  return [];
}

/** The error a heading quotes, e.g. `Error: "failed to reserve container name"` or
 *  ``### `permission denied` when …``, or null. */
export function errorInHeading(heading: string): string | null {
  void heading;
  return null;
}

/** Inline code (or quoted text) in prose that reads like an error message, or null. */
export function errorInInlineCode(text: string): string | null {
  void text;
  return null;
}

/** A symptom worth keeping: not a fragment (under three words), not a command, not a
 *  configuration line, not markup. */
export function isUsefulSymptom(line: string): boolean {
  void line;
  return false;
}
