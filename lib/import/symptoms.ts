// The error lines of a guide, the text people paste into search. Symptoms rank a playbook above all
// else when a paste contains one (lib/search/symptom-match.ts), so a junk symptom (`[Container]`,
// `bind=127.0.0.1`, `: exit status 1`) takes over search and a missed one leaves the guide unfound.
// These rules find error lines wherever guides put them (output blocks, headings, inline code) and
// keep only what a program could have printed.
import { hasErrorVocabulary } from "@/lib/markdown/error-text";
import { isBarePath, isCommandLine, isConfigLine, isFlag, isMarkupLine } from "./line-kinds";
import { stripLogPrefix } from "./log-prefix";
import { messageLines } from "./output-lines";
import { symptomKey, tidySymptom } from "./symptom-text";
// The generic label in front of a message ("Error: …"), as the symptom matcher ignores it.
import { LEADING_LABEL } from "@/lib/search/symptom-match";

/** An HTTP status with its reason, as servers and proxies print it: `401 Unauthorized`. */
const HTTP_STATUS = /^[45]\d\d [A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)*$/;

/** Words as search sees them: letter/digit runs with two letters or more, or numbers of three digits
 *  or more (`502 Bad Gateway`, `exit status 127`); volatile hex ids do not count. */
function symptomWords(text: string): string[] {
  return (text.match(/[A-Za-z0-9]+/g) ?? []).filter((w) =>
    /^\d+$/.test(w)
      ? w.length >= 3
      : (w.match(/[A-Za-z]/g)?.length ?? 0) >= 2 && !(/^[0-9a-f]{8,}$/.test(w) && /\d/.test(w)),
  );
}

/**
 * A single token that names a failure: an error constant (`ERR_OSSL_EVP_UNSUPPORTED`,
 * `PERMISSION_DENIED`) or a CamelCase reason (`CrashLoopBackOff`, `OOMKilled`, `ErrImagePull`,
 * `NoCredentialsError`). Such a token is as specific as a whole line: it is printed only where that
 * failure happens, people paste exactly it, and search compares whole words, so it cannot match
 * unrelated pastes the way "permission denied" would. An errno name alone (`ENOENT`, `EACCES`) is
 * not one: it is "no such file or directory" in one word, printed by every program for every file.
 */
export function isErrorCode(text: string): boolean {
  const t = text.trim().replace(/^["'`]+|["'`]+$/g, "");
  if (!/^[A-Za-z][A-Za-z0-9_]{5,}$/.test(t)) return false;
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(t)) return hasErrorVocabulary(t.replace(/_/g, " "));
  const humps = t.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
  // Reasons are UpperCamelCase; lowerCamelCase is a setting or variable (`deprecatedCgroupv1`).
  const camel =
    humps.length >= 2 && /^[A-Z]/.test(t) && /[a-z]/.test(t) && /[A-Z]/.test(t.slice(1)) && !t.includes("_");
  return camel && (hasErrorVocabulary(humps.join(" ")) || hasErrorVocabulary(t));
}

/**
 * A symptom worth keeping. Rejected: fragments (under three words, unless the line is one error
 * code, see isErrorCode; or starting with punctuation, a piece cut from a longer line, like
 * `: exit status 1`; or ending with a colon, which introduces the message rather than states it),
 * commands, configuration lines, markup, bare paths and flags, and lines of only ids, numbers and
 * timestamps.
 */
export function isUsefulSymptom(line: string): boolean {
  const t = line.trim();
  if (t === "" || t.length > 400) return false;
  if (isCommandLine(t) || isConfigLine(t) || isMarkupLine(t) || isBarePath(t) || isFlag(t)) return false;
  if (/^[^\w\s"'`(<[{$~/\\*.-]|^-(?![A-Za-z])/.test(t) || t.endsWith(":")) return false;
  // A traceback's header says one came, not what failed: its last line is the message.
  if (/\bTraceback \(most recent call last\)/.test(t)) return false;
  // An unknown program's command line: `kiln node drain gpu-07 --timeout 30m`.
  if (!/: /.test(t) && /^[a-z][\w.-]*(?:\s+[\w./:@=-]+)*\s+--?[a-z][\w-]*(?:[\s=]|$)/.test(t)) return false;
  if (symptomWords(t).length >= 3) return true;
  if (HTTP_STATUS.test(t)) return true;
  return isErrorCode(t.replace(LEADING_LABEL, ""));
}

/** Error lines in a block of program output: each a symptom candidate, junk rejected. */
export function errorLinesInOutput(lines: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const message of messageLines(lines)) {
    const text = stripLogPrefix(message);
    if (!hasErrorVocabulary(text)) continue;
    const symptom = tidySymptom(text);
    const key = symptomKey(symptom);
    if (isUsefulSymptom(symptom) && !out.has(key)) out.set(key, symptom);
  }
  return [...out.values()];
}

// Quoted or code text inside prose: `…`, "…", “…”, «…», and '…' that opens and closes on word edges.
const QUOTED = /`([^`]+)`|"([^"]+)"|“([^”]+)”|«([^»]+)»|(?<![\w'])'([^']+)'(?![\w'])/g;

function quotedSpans(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => (m.slice(1).find((g) => g !== undefined) ?? "").trim());
}

/** Quoted text that is an error, as far as its words can tell: not a command, setting or path. */
function quotedError(span: string): boolean {
  if (!(hasErrorVocabulary(span) || isErrorCode(span))) return false;
  if (isErrorCode(span)) return true;
  return (
    symptomWords(span).length >= 2 && !isCommandLine(span) && !isConfigLine(span) && !isBarePath(span) && !isFlag(span)
  );
}

// Numbering, emoji and labels that headings put in front of their subject.
// Numbering, emoji and issue ids ("KI-14:", "#123 -") in front of what the heading says.
const HEADING_DECORATION = new RegExp(
  [
    String.raw`^(?:#+\s*|\d+[.)]\s*|\(\d+\)\s*|[A-Z][.)]\s+|[A-Z][A-Z0-9]{0,7}-\d+\s*[:.–-]\s*|#\d+\s*[:.–-]?\s*`,
    String.raw`|[\p{Extended_Pictographic}\uFE0F\s])+`,
  ].join(""),
  "u",
);
const HEADING_LABEL =
  /^(?:problem|issue|symptoms?|case|scenario|faq|q|question|bug|known issue|error message)\s*(?::|\s-|\s–)\s*/i;
// Words that start a heading about a problem (a question, a task), not one a program printed.
const ABOUT_A_PROBLEM = new RegExp(
  [
    "^(?:how|why|what|when|where|which|can|could|is|are|do|does|fix|fixing|resolve|resolving|solve|solving",
    "|troubleshoot\\w*|debug\\w*|handling|dealing|avoid\\w*|prevent\\w*|understanding|using|configur\\w*|install\\w*",
    "|enable|disable|set up|setup|check\\w*|verify\\w*|about|common|known|other|general|note|tips?|step|option",
    "|example|part|chapter|update|workaround|solution|cause)\\b",
  ].join(""),
  "i",
);
const MESSAGE_OPENER = /^(?:error\b|fatal:|failed to\b|panic:|E: |ERR!|npm ERR!|[A-Z]\w*(?:Error|Exception):)/i;
const MAYBE_MESSAGE_OPENER = /^(?:cannot|can't|could not|couldn't|unable to)\b/i;

/** Most longer words capitalised: "Failing to Properly Start Cluster" is a title, not a message. */
function isTitleCase(text: string): boolean {
  const words = text
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^[A-Za-z]{4,}$/.test(w) && w !== w.toUpperCase());
  return words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length * 2 >= words.length;
}

/** A program's message, as headings sometimes are: `Failed to initialize NVML: Unknown Error`. */
function readsLikeMessage(text: string, outsideQuotes: string): boolean {
  if (ABOUT_A_PROBLEM.test(text) || text.endsWith("?")) return false;
  // The colon chain is the heading's own, not one inside a quotation.
  const at = outsideQuotes.indexOf(": ");
  const first = at >= 0 ? text.slice(0, at) : text;
  const after = at >= 0 ? [text.slice(at + 2)] : [];
  // "Error: Unable To Pull Images" is a title under a label.
  if (isTitleCase(first) || isTitleCase(text.replace(LEADING_LABEL, "").split(": ")[0] ?? "")) return false;
  if (MESSAGE_OPENER.test(text)) return true;
  // "Cannot ping from rootless containers" describes; with a colon, quote or path it quotes.
  const detail = after.length > 0 || /["'`/]|\w\.\w/.test(text);
  if (MAYBE_MESSAGE_OPENER.test(text)) return detail && hasErrorVocabulary(text);
  if (after.length === 0 || first.split(/\s+/).length > 5 || isTitleCase(after.join(": "))) return false;
  // "Docker driver: the daemon is not running" names a subject, then describes it.
  if (/^[A-Z][a-z]/.test(first) && !hasErrorVocabulary(first) && !/[._/\d]/.test(first)) return false;
  // Go-style chains start lower-case (`http: server gave HTTP response…`); others say what failed.
  return /^[a-z]/.test(first) || hasErrorVocabulary(text);
}

/** The error a heading quotes, e.g. `Error: "failed to reserve container name"` or
 *  ``### `permission denied` when …``, or null. The text is what the heading quotes, however short;
 *  whether it makes a good symptom on its own is isUsefulSymptom's call. */
export function errorInHeading(heading: string): string | null {
  const decorated = heading.replace(HEADING_DECORATION, "");
  const text = decorated.replace(HEADING_LABEL, "").trim();
  if (text === "") return null;
  // "Problem: libnode.so.1 not found": the label says the rest is the failure, told as it was seen.
  const labelled = text !== decorated.trim();
  // The whole heading (after a label such as "Error:") is one quotation: that is the error.
  const unlabelled = text.replace(LEADING_LABEL, "");
  const spans = quotedSpans(unlabelled);
  const whole = spans.length === 1 && /^["'`“«].*["'`”»]$/.test(unlabelled) ? spans[0] : undefined;
  if (whole !== undefined && quotedError(whole)) return tidySymptom(whole);
  if (isErrorCode(unlabelled)) return unlabelled;
  // A heading that is a message quotes as messages do (`OCI runtime create failed: … caused "…"`);
  // one that only quotes an error describes it ("`podman build` fails with "mknod: …"").
  const outsideQuotes = text.replace(QUOTED, (m) => "x".repeat(m.length));
  if ((hasErrorVocabulary(text) || /^[a-z]/.test(text)) && readsLikeMessage(text, outsideQuotes))
    return tidySymptom(text);
  const quoted = spans.filter(quotedError).sort((a, b) => b.length - a.length)[0];
  if (quoted) return tidySymptom(quoted);
  // "Problem: SSL certificate errors / HTTPS failures" names a kind of failure, not one message.
  const kinds = /\b(?:errors|failures|issues|problems)\b|\s\/\s/i.test(text);
  // A question ("Q: …", "…?") asks about a failure rather than quoting it.
  const asks = /^(?:faq|q|question)\b/i.test(decorated.trim()) || text.includes("?");
  const told =
    labelled && !asks && hasErrorVocabulary(text) && !isTitleCase(text) && !kinds && !ABOUT_A_PROBLEM.test(text);
  return told ? tidySymptom(text) : null;
}

/** The errors a heading names: several error codes (`ErrImagePull / ImagePullBackOff`) each, or
 *  else what errorInHeading finds. */
export function errorsInHeading(heading: string): string[] {
  const parts = heading
    .replace(HEADING_DECORATION, "")
    .split(/\s*(?:\/|,|\bor\b|\band\b)\s*/)
    .map((p) => p.trim().replace(/^[`"']+|[`"']+$/g, ""));
  if (parts.length >= 2 && parts.every(isErrorCode)) return parts;
  const one = errorInHeading(heading);
  return one === null ? [] : [one];
}

/** Inline code (or quoted text) in prose that reads like an error message, or null. */
export function errorInInlineCode(text: string): string | null {
  const t = text
    .trim()
    .replace(/^(["'`“])(.*)["'`”]$/s, "$2")
    .trim();
  if (isErrorCode(t)) return t;
  if (!hasErrorVocabulary(t)) return null;
  const colonChain = /\S: \S/.test(t);
  if (symptomWords(t).length < 3 && !colonChain && !HTTP_STATUS.test(t)) return null;
  const symptom = tidySymptom(t);
  return isUsefulSymptom(symptom) ? symptom : null;
}

/** What a guide shows as printed inside a command block's comments: `# touch: cannot touch 'x':
 *  Permission denied`. Only a program's message (a colon chain) counts, not "# check the error". */
export function messagesInComments(commands: string): string[] {
  return [...commands.matchAll(/^\s*#\s*(?:output:\s*)?(.+)$/gm)]
    .map((m) => (m[1] ?? "").trim())
    .filter((line) => /\S: \S/.test(line));
}
