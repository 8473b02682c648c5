// Recognises the lines of a write-up that are error messages, the text people paste into search.

const ERRORISH = new RegExp(
  [
    "\\b(error|errno|exception|traceback|denied|not found|no such file|failed|failure|fatal|unknown|refused|",
    "cannot|can't|could not|invalid|duplicate value|timed? ?out|already exists|not set|warning|panic|eacces|",
    "enoent|insufficient|segmentation fault|killed|oom|oomkilled|unauthorized|forbidden|bad gateway|",
    "errimagepull)\\b|deprecat|backoff\\b",
  ].join(""),
  "i",
);

/** A line that reads like an error message someone would paste into search. */
export function looksLikeError(line: string): boolean {
  const t = line.trim();
  // Shell comments and prompts are commands, not what the system said.
  return t.length >= 8 && t.length <= 400 && ERRORISH.test(t) && !/^(#\s|\/\/|\$ )/.test(t);
}
