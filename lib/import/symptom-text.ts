// Error text tidied into a symptom line: ids that differ on every machine become `*` (the symptom
// matcher's placeholder), long lines are cut where the message has a natural break, and quotes and
// brackets a cut left open are closed, so the line reads as something a program printed.

/** Longest symptom line kept; longer lines are cut at a boundary, never dropped. */
export const MAX_SYMPTOM_LENGTH = 200;

// Digests, container ids, UUIDs: never the same on two machines, so no one's paste would match.
const VOLATILE_IDS: readonly RegExp[] = [
  /\b(sha(?:256|512)):[0-9a-f]{32,128}\b/gi,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{12,128}\b/g,
];

/** Volatile ids as `*`: `blob "sha256:a02a…"` → `blob "sha256:*"`. */
export function generaliseIds(text: string): string {
  return VOLATILE_IDS.reduce(
    (t, id) => t.replace(id, (_m, algorithm?: string) => (typeof algorithm === "string" ? `${algorithm}:*` : "*")),
    text,
  );
}

// Where a message breaks naturally, strongest first: its colon chain, clauses, a parenthesis, words.
const BOUNDARIES = [": ", "; ", ", ", " (", " - ", " "];

/** Text no longer than `max`, cut at the last natural boundary in its second half. */
export function cutAtBoundary(text: string, max = MAX_SYMPTOM_LENGTH): string {
  if (text.length <= max) return text;
  for (const boundary of BOUNDARIES) {
    const at = text.lastIndexOf(boundary, max - boundary.length);
    if (at >= max / 2) return text.slice(0, at).trimEnd();
  }
  return text.slice(0, max).trimEnd();
}

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "“": "”" };
const OPENERS = new Map(Object.entries(CLOSERS).map(([open, close]) => [close, open]));

/** Text with the quotes and brackets left open (by a cut, or by a logger) closed at the end. */
export function balanceQuotes(text: string): string {
  let out = text;
  for (const quote of ['"', "`"]) {
    if ((out.split(quote).length - 1) % 2 === 0) continue;
    if (out.startsWith(quote)) out = out.slice(1);
    else if (out.endsWith(quote)) out = out.slice(0, -1);
    else out += quote;
  }
  // Single quotes double as apostrophes ("can't"): only count those that open or close a word.
  // One that could do either (`':'.`) closes: it ends the word before it.
  let opening = 0;
  let closing = 0;
  for (const m of out.matchAll(/'/g)) {
    const before = out[m.index - 1] ?? "";
    const after = out[m.index + 1] ?? "";
    if (/\S/.test(before) && /^$|[\s),.:;]/.test(after)) closing++;
    else if (/^$|[\s(:=]/.test(before) && /\S/.test(after)) opening++;
  }
  if (opening > closing) out += "'";
  const open: string[] = [];
  for (const ch of out) {
    if (ch in CLOSERS) open.push(CLOSERS[ch] as string);
    else if (OPENERS.has(ch) && open[open.length - 1] === ch) open.pop();
  }
  return out + open.reverse().join("");
}

/** An error line as a symptom: volatile ids generalised, cut to length, or else its quotes closed. */
export function tidySymptom(text: string): string {
  const whole = generaliseIds(text.replace(/\s+/g, " ").trim());
  const cut = cutAtBoundary(whole);
  // A cut line stays a piece of what the program printed, so a paste of the whole line contains it.
  return cut === whole ? balanceQuotes(whole) : cut;
}

/** Lower-cased letter/digit words, numbers as `#`: two lines with the same key say the same thing. */
export function symptomKey(text: string): string {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((w) => (/^\d+$/.test(w) ? "#" : w)).join(" ");
}
