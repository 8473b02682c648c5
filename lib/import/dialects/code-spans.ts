// A line of Markdown split into inline code spans and the text between them, so that rewrites of
// prose markup (shortcodes, roles) leave code such as `{{< note >}}` or `echo ${HOME}` alone.
export interface Segment {
  code: boolean;
  /** For code, with its backticks. */
  text: string;
}

export function splitCodeSpans(line: string): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let i = 0;
  while (i < line.length) {
    const run = /^`+/.exec(line.slice(i))?.[0];
    if (!run) {
      text += line[i];
      i++;
      continue;
    }
    // A span closes at the next run of exactly as many backticks; an unmatched run is literal.
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = i + run.length;
    const m = close.exec(line);
    if (!m) {
      text += run;
      i += run.length;
      continue;
    }
    if (text) segments.push({ code: false, text });
    text = "";
    segments.push({ code: true, text: line.slice(i, m.index + run.length) });
    i = m.index + run.length;
  }
  if (text) segments.push({ code: false, text });
  return segments;
}

/** `rewrite` applied to the text outside inline code. */
export function outsideCode(line: string, rewrite: (text: string) => string): string {
  return splitCodeSpans(line)
    .map((s) => (s.code ? s.text : rewrite(s.text)))
    .join("");
}
