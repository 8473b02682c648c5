// Rewrites dialect blocks line by line, never adding or removing a line, so that every node the
// Markdown parser makes later still has the line it had in the source file. A block is opened by
// a dialect's opener (a directive, a `:::` fence, a shortcode, an indented `!!!` admonition) and
// kept on a stack of frames until its closer; callouts become `> [!WORD]` alerts, whose body
// lines get a `> ` prefix, so that nested blocks and code inside them come out as Markdown.
import type { BlockAction } from "./directives";
import { admonitionLabel } from "./directives";
import { hugoCloser } from "./hugo";
import type { NoteLog } from "./note-log";
import { closingFence, columns, fenceEnd, plainFence, stripColumns, type Fence } from "./fences";

export type BlockEnd =
  /** A line of only `char`, at least `length` of them. */
  | { kind: "fence"; char: string; length: number }
  /** `{{< /name >}}`. */
  | { kind: "shortcode"; name: string }
  /** The first non-blank line indented less than `body` columns (MkDocs, Sphinx). */
  | { kind: "dedent"; body: number }
  /** A line matching `pattern`. */
  | { kind: "line"; pattern: RegExp }
  /** The opener's line is the whole block. */
  | { kind: "none" };

export interface Opener {
  action: BlockAction;
  end: BlockEnd;
  /** For the report: "MyST directive {note} became a callout". */
  note: string;
  /** Lines after the opener that hold the directive's options (`:caption: x`); they are blanked. */
  optionLines?: number;
}

export type OpenerMatcher = (lines: readonly string[], index: number) => Opener | null;

export interface ScanRules {
  openers: readonly OpenerMatcher[];
  /** Rewrites a line of prose (frame indentation already removed). `line` is 1-based. */
  content: (text: string, line: number, topLevel: boolean) => string;
}

interface Frame {
  action: BlockAction;
  end: BlockEnd;
  indent: string;
  /** Columns of indentation that belong to the block, not to its content. */
  strip: number;
}

function closes(end: BlockEnd, line: string): { before: string } | null {
  if (end.kind === "fence") return closingFence(line, end.char, end.length) ? { before: "" } : null;
  if (end.kind === "shortcode") {
    const closer = hugoCloser(line);
    return closer?.name === end.name ? { before: closer.before.trim() } : null;
  }
  if (end.kind === "line") return end.pattern.test(line) ? { before: "" } : null;
  return null;
}

function alertLine(action: Extract<BlockAction, { kind: "admonition" }>): string {
  if (action.content) {
    const label = admonitionLabel(action.word) + (action.title ? ` — ${action.title}` : "");
    return `> **${label}:** ${action.content}`;
  }
  return `> [!${action.word.toUpperCase()}]${action.title ? ` ${action.title}` : ""}`;
}

export function scanLines(lines: readonly string[], rules: ScanRules, log: NoteLog): string[] {
  return new LineScanner(lines, rules, log).run();
}

class LineScanner {
  private readonly out: string[] = [];
  private readonly frames: Frame[] = [];
  private i = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly rules: ScanRules,
    private readonly log: NoteLog,
  ) {}

  run(): string[] {
    while (this.i < this.lines.length) this.step(this.lines[this.i] ?? "");
    return this.out;
  }

  private step(line: string) {
    this.popDedented(line);
    if (this.close(line)) return;
    const fence = plainFence(line);
    if (fence) return this.verbatim(fence);
    for (const match of this.rules.openers) {
      const opener = match(this.lines, this.i);
      if (opener && this.ends(opener)) return this.open(opener, line);
    }
    this.emit(this.content(line));
  }

  private get silent(): boolean {
    return this.frames.some((f) => f.action.kind === "drop");
  }

  private prefix(frames: readonly Frame[] = this.frames): string {
    const quotes = frames.filter((f) => f.action.kind === "admonition" || f.action.kind === "quote").length;
    return frames.length ? `${frames[0]?.indent ?? ""}${"> ".repeat(quotes)}` : "";
  }

  private emit(text: string, advance = 1) {
    this.out.push(text);
    this.i += advance;
  }

  private content(line: string): string {
    if (this.frames.length === 0) return this.rules.content(line, this.i + 1, true);
    const blank = this.prefix().trimEnd();
    if (this.silent) return blank;
    const text = this.rules.content(
      stripColumns(line, this.frames[this.frames.length - 1]?.strip ?? 0),
      this.i + 1,
      false,
    );
    return text.trim() === "" ? blank : this.prefix() + text;
  }

  private popDedented(line: string) {
    if (line.trim() === "") return;
    const at = this.frames.findIndex((f) => f.end.kind === "dedent" && columns(line) < f.end.body);
    if (at >= 0) this.frames.length = at;
  }

  /** Closes the innermost frame that `line` closes (and any left open inside it). */
  private close(line: string): boolean {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const frame = this.frames[k] as Frame;
      const closing = closes(frame.end, line);
      if (!closing) continue;
      const text =
        closing.before && !this.silent ? this.prefix() + this.rules.content(closing.before, this.i + 1, false) : null;
      this.frames.length = k;
      this.emit(text ?? this.prefix().trimEnd());
      return true;
    }
    return false;
  }

  /** Does the block end somewhere? An unclosed `:::` must not swallow the rest of the guide. */
  private ends(opener: Opener): boolean {
    const { end } = opener;
    if (end.kind !== "fence" && end.kind !== "shortcode" && end.kind !== "line") return true;
    return this.lines.slice(this.i + 1).some((l) => closes(end, l));
  }

  private open(opener: Opener, line: string) {
    const { action, end } = opener;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    const parent = this.frames.length ? this.prefix() : indent;
    if (!this.silent) this.log.add(this.i + 1, opener.note);
    if (action.kind === "code" && !this.silent) return this.code(opener, parent, indent);
    let first = parent.trimEnd();
    if (!this.silent && action.kind === "admonition") first = parent + alertLine(action);
    if (!this.silent && action.kind === "unwrap" && action.label) first = `${parent}**${action.label}**`;
    this.emit(first);
    if (end.kind !== "none") {
      const strip = end.kind === "dedent" ? end.body : columns(line);
      this.frames.push({ action, end, indent: this.frames[0]?.indent ?? indent, strip });
    }
    for (let k = 0; k < (opener.optionLines ?? 0); k++) this.emit(this.prefix().trimEnd());
  }

  /** An ordinary fenced code block: verbatim, only re-prefixed when it sits inside a callout. */
  private verbatim(fence: Fence) {
    const strip = this.frames[this.frames.length - 1]?.strip ?? 0;
    const prefix = this.prefix();
    const quiet = this.silent;
    const last = fenceEnd(this.lines, this.i, fence);
    for (let k = this.i; k <= last; k++) {
      const line = this.lines[k] ?? "";
      const stripped = stripColumns(line, strip);
      this.out.push(quiet ? prefix.trimEnd() : this.frames.length === 0 ? line : (prefix + stripped).trimEnd());
    }
    this.i = last + 1;
  }

  /** A code directive or shortcode: its body becomes a fenced block of its language. */
  private code(opener: Opener, prefix: string, indent: string) {
    const action = opener.action as Extract<BlockAction, { kind: "code" }>;
    const options = opener.optionLines ?? 0;
    const from = this.i + 1 + options;
    const end = this.codeEnd(opener.end, from);
    if (end === null) return this.indentedCode(opener, prefix);
    const strip = opener.end.kind === "dedent" ? opener.end.body : columns(indent);
    const body = this.lines.slice(from, end.index).map((l) => stripColumns(l, strip));
    const longest = Math.max(2, ...body.map((l) => /^\s*(`*)/.exec(l)?.[1]?.length ?? 0));
    const fence = "`".repeat(longest + 1);
    this.emit(`${prefix}${fence}${action.lang}`);
    for (let k = 0; k < options; k++) this.emit(prefix.trimEnd());
    for (const l of body) this.emit(l.trim() === "" ? prefix.trimEnd() : prefix + l);
    if (end.index >= this.lines.length) return;
    if (!end.before) return this.emit(prefix + fence);
    // `last line{{< /highlight >}}`: the fence needs a line of its own; a blank one after will do.
    if ((this.lines[end.index + 1] ?? "x").trim() === "") {
      this.emit(prefix + stripColumns(end.before, strip));
      return this.emit(prefix + fence);
    }
    this.log.add(end.index + 1, `the code line before the closing shortcode was dropped to close the block`);
    this.emit(prefix + fence);
  }

  private codeEnd(end: BlockEnd, from: number): { index: number; before?: string } | null {
    if (end.kind === "dedent") {
      let last = from - 1;
      let j = from;
      for (; j < this.lines.length; j++) {
        const l = this.lines[j] ?? "";
        if (l.trim() === "") continue;
        if (columns(l) < end.body) break;
        last = j;
      }
      // The closing fence takes the blank line after the body; without one, there is no room for it.
      if (last + 1 < j || j >= this.lines.length) return { index: last + 1 };
      return null;
    }
    for (let j = from; j < this.lines.length; j++) {
      const closing = closes(end, this.lines[j] ?? "");
      if (closing) return { index: j, before: closing.before };
    }
    return { index: this.lines.length };
  }

  /** No line to put a closing fence on: an indented code block instead (its language is lost). */
  private indentedCode(opener: Opener, prefix: string) {
    const body = opener.end.kind === "dedent" ? opener.end.body : 0;
    for (let k = 0; k <= (opener.optionLines ?? 0); k++) this.emit(prefix.trimEnd());
    while (this.i < this.lines.length) {
      const l = this.lines[this.i] ?? "";
      if (l.trim() !== "" && columns(l) < body) break;
      this.emit(l.trim() === "" ? prefix.trimEnd() : `${prefix}    ${stripColumns(l, body)}`);
    }
  }
}
