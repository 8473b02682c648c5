// Replaces secret values (secret inputs, and secret captures of earlier steps) in a byte stream
// before it is stored or broadcast.
//
// Line breaks: a step's output comes through a PTY, whose ONLCR setting writes each "\n" as "\r\n",
// and a "\r\n" the program wrote as "\r\r\n". So a line break in a secret ("\n" or "\r\n") matches
// any of "\n", "\r\n" and "\r\r\n" in the output; a longer run of "\r" is not one a PTY makes.
//
// Which text is masked: the leftmost match, and of those starting there the longest; then on after
// it. Streaming gives the same result for every chunk split: a match is only committed once no
// longer or earlier one can still complete, so a tail that could be the start of a secret form is
// held back (at most the longest form less one byte) until the next chunk or the end decides.
export const SECRET_MASK = "********";
const MASK = Buffer.from(SECRET_MASK);
const CR = 0x0d;
const LF = 0x0a;
/** How many "\r" a PTY may put before the "\n" of one line break. */
const MAX_CR = 2;

/** A secret as its lines: a line break of any form goes between each two. */
type Lines = Buffer[];
/** Where a match of a secret at a position ends, or that the data ends before it could. */
const PARTIAL = -2;
const NO_MATCH = -1;

export class SecretMasker {
  private readonly secrets: Lines[];
  /** Finds where the next match starts; the longest there is then found with matchAt. */
  private readonly anyStart: RegExp | null;
  private readonly longestForm: number;
  private held: Buffer = Buffer.alloc(0);

  constructor(secrets: readonly string[]) {
    const unique = [...new Set(secrets.filter((s) => s.length > 0).map((s) => s.replace(/\r?\n/g, "\n")))];
    this.secrets = unique.map((s) => s.split("\n").map((line) => Buffer.from(line)));
    this.longestForm = Math.max(0, ...this.secrets.map(formLength));
    // Matched over the bytes as latin1 text: one character per byte, so indexes are byte offsets.
    const lineBreak = `\\r{0,${MAX_CR}}\\n`;
    const patterns = this.secrets.map((lines) => lines.map(escapeBytes).join(lineBreak));
    this.anyStart = patterns.length ? new RegExp(patterns.join("|"), "g") : null;
  }

  get active(): boolean {
    return this.secrets.length > 0;
  }

  /** Bytes held back because they may be the start of a secret. */
  get heldBytes(): number {
    return this.held.length;
  }

  push(chunk: Buffer): Buffer {
    if (!this.active) return chunk;
    const data = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const { out, kept } = this.mask(data, false);
    this.held = Buffer.from(data.subarray(data.length - kept));
    return out;
  }

  /** Masks and releases what was held back; call once at the end of the stream. */
  flush(): Buffer {
    const rest = this.held;
    this.held = Buffer.alloc(0);
    return this.mask(rest, true).out;
  }

  /** Masks secrets in a whole string (commands, reasons, stored input values). */
  maskText(text: string): string {
    if (!this.active) return text;
    const { out, masked } = this.mask(Buffer.from(text), true);
    return masked ? out.toString() : text;
  }

  /**
   * Masks `data`. Unless it is the end of the stream, a tail that may still become a match is not
   * returned: `kept` is its length.
   */
  private mask(data: Buffer, end: boolean): { out: Buffer; kept: number; masked: boolean } {
    const out: Buffer[] = [];
    const text = data.toString("latin1");
    let at = 0;
    let masked = false;
    for (;;) {
      const start = this.nextStart(text, at);
      const partial = end ? -1 : this.firstPartial(data, at, start ?? data.length);
      if (partial !== -1) {
        out.push(data.subarray(at, partial));
        return { out: Buffer.concat(out), kept: data.length - partial, masked };
      }
      if (start === null) break;
      out.push(data.subarray(at, start), MASK);
      masked = true;
      at = this.longestMatchEnd(data, start);
    }
    out.push(data.subarray(at));
    return { out: Buffer.concat(out), kept: 0, masked };
  }

  private nextStart(text: string, from: number): number | null {
    if (!this.anyStart) return null;
    this.anyStart.lastIndex = from;
    return this.anyStart.exec(text)?.index ?? null;
  }

  /** The first position in [from, upTo] where the data ends inside a possible match, or -1. */
  private firstPartial(data: Buffer, from: number, upTo: number): number {
    const last = Math.min(upTo, data.length - 1);
    for (let i = Math.max(from, data.length - this.longestForm + 1); i <= last; i++) {
      if (this.secrets.some((lines) => matchAt(data, i, lines) === PARTIAL)) return i;
    }
    return -1;
  }

  private longestMatchEnd(data: Buffer, start: number): number {
    return Math.max(...this.secrets.map((lines) => matchAt(data, start, lines)));
  }
}

/** Where a form of the secret starting at `at` ends, NO_MATCH, or PARTIAL if the data ends first. */
function matchAt(data: Buffer, at: number, lines: Lines): number {
  let i = at;
  for (let n = 0; n < lines.length; n++) {
    if (n > 0) {
      // A line break: up to MAX_CR "\r", then "\n". There is only one way to match it here.
      for (let cr = 0; cr < MAX_CR && data[i] === CR; cr++) i++;
      if (i >= data.length) return PARTIAL;
      if (data[i] !== LF) return NO_MATCH;
      i++;
    }
    for (const byte of lines[n]!) {
      if (i >= data.length) return PARTIAL;
      if (data[i] !== byte) return NO_MATCH;
      i++;
    }
  }
  return i;
}

/** The longest bytes a form of the secret can take: every line break as "\r\r\n". */
function formLength(lines: Lines): number {
  return lines.reduce((sum, line) => sum + line.length, 0) + (lines.length - 1) * (MAX_CR + 1);
}

function escapeBytes(bytes: Buffer): string {
  return Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
}
