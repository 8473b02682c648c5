// What the sentences around a command say about its result: "If you see X" (X means the problem is
// there), "should print Y" (Y means all is well), "if this fails" (the next block is the way out),
// "to reproduce" (the command shows the problem rather than diagnosing it).
import type { Paragraph, PhrasingContent } from "mdast";
import { hasErrorVocabulary } from "@/lib/markdown/error-text";
import { nodeText } from "@/lib/markdown/node-text";
import type { DraftStep } from "./playbook-draft";

export interface ProseCues {
  /** Text whose presence in the output means the problem is there. */
  problemText?: string;
  /** Text the output should hold when all is well. */
  expectedText?: string;
  /** "If this fails …": the block after the sentence is where to go on failure. */
  onFailNext?: boolean;
  /** The command reproduces the problem ("to reproduce", "fails with"). */
  reproduces?: boolean;
  /** "You should see something like:": the output block that follows is what a working command
   *  prints, even when its lines sound like errors (curl's `Couldn't find host … in the .netrc`). */
  showsSuccess?: boolean;
}

const words = (parts: string[], flags = "i") => new RegExp(parts.join(""), flags);
const IF_YOU_SEE = words([
  "\\bif (?:you see|you get|it (?:prints|shows|says|returns|reports)|",
  "the output (?:shows|contains|includes|says|reports|lists)|",
  "(?:the|this|that) (?:command|output) (?:prints|shows|returns|reports|contains)|",
  "there (?:is|are)|.{0,40}\\b(?:contains|lists|shows|prints))\\b",
]);
const SHOULD_PRINT = words([
  "\\b(?:should|will|must) (?:print|show|output|return|say|display|list|report|see|contain|include)\\b|",
  "\\byou should see\\b|\\bexpected output\\b|\\bthe output (?:should|will) (?:be|look like)\\b",
]);
const IF_FAILS = words([
  "\\bif (?:this|that|it|the (?:command|check|above)) (?:fails|does(?: not|n't) work|errors|returns an error)|",
  "\\bif (?:this|that) (?:does(?: not|n't) help|is not the case)|\\botherwise\\b",
]);
const REPRODUCES = words([
  "\\b(?:to reproduce|reproduc(?:e|es|ing) (?:the|this|it)|fails with|",
  "you(?:'ll| will) (?:see|get) (?:an? )?(?:error|failure)|results in|produces (?:an? )?error|",
  "the error (?:looks|reads) like)\\b",
]);

/** Where the clause that starts at `from` ends: at the first `,` `;` `!` `?` or full stop of the prose
 *  (inline code does not count). Past it, quoted text is what to do next ("If nothing shows up, try
 *  `journalctl`"), not what the output holds. */
function clauseEnd(children: readonly PhrasingContent[], from: number): number {
  let offset = 0;
  for (const child of children) {
    const value = nodeText(child);
    if (child.type !== "inlineCode" && offset + value.length > from) {
      const boundary = /[,;!?]|\.(?=\s|$)/g;
      boundary.lastIndex = Math.max(0, from - offset);
      const found = boundary.exec(value);
      if (found) return offset + found.index;
    }
    offset += value.length;
  }
  return Infinity;
}

/** Inline code, or "quoted" text, in the clause the cue opens. */
function quotedAfter(children: readonly PhrasingContent[], text: string, cue: RegExp): string | undefined {
  const match = cue.exec(text);
  if (!match) return undefined;
  const at = match.index + match[0].length;
  const end = clauseEnd(children, at);
  let offset = 0;
  for (const child of children) {
    const value = nodeText(child);
    if (offset >= end) break;
    if (child.type === "inlineCode" && offset >= at && value.trim().length >= 2) return value.trim();
    offset += value.length;
  }
  const quoted = /["“]([^"”]{3,120})["”]/.exec(text.slice(at));
  return quoted && at + quoted.index < end ? quoted[1]?.trim() : undefined;
}

export function cuesOf(before: Paragraph | undefined, after: Paragraph | undefined): ProseCues {
  const cues: ProseCues = {};
  for (const p of [before, after]) {
    if (!p) continue;
    const text = nodeText(p);
    cues.problemText ??= quotedAfter(p.children, text, IF_YOU_SEE);
    cues.expectedText ??= quotedAfter(p.children, text, SHOULD_PRINT);
  }
  if (before && REPRODUCES.test(nodeText(before))) cues.reproduces = true;
  if (before && SHOULD_PRINT.test(nodeText(before)) && !hasErrorVocabulary(nodeText(before))) cues.showsSuccess = true;
  if (after && IF_FAILS.test(nodeText(after))) cues.onFailNext = true;
  return cues;
}

/** `text` as a regex that matches it literally, for `expect.match` / `notMatch`. */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PROBLEM_WORDS = /\b(error|fail|denied|refused|invalid|unknown|not found|cannot|timeout|timed out|panic)/i;

/** What a read step's output says about the problem, from the prose around it; a grep for error
 *  text succeeds when the problem is there, so it passes when grep finds nothing. */
export function expectationFor(code: string, cues: ProseCues): DraftStep["expect"] {
  if (cues.problemText) return { notMatch: literalPattern(cues.problemText) };
  if (cues.expectedText) return { match: literalPattern(cues.expectedText) };
  const lastLine = code.trim().split("\n").pop() ?? "";
  const grep = /(?:^|\|\s*)(?:sudo\s+)?[ez]?grep\b((?:\s+-[A-Za-z]+)*)\s+(['"]?)([^'"|]+)\2/.exec(lastLine);
  if (grep && !/v|c|L/.test(grep[1] ?? "") && PROBLEM_WORDS.test(grep[3] ?? "")) return { exit: 1 };
  return undefined;
}
