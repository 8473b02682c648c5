// Recognises the lines of a write-up that are error messages, the text people paste into search.
// The error vocabulary lives here, once: the incident parser, run drafts and the guide importer's
// stricter symptom rules (lib/import/symptoms.ts) all ask this module whether text talks of a failure.

// Words and phrases programs print when something went wrong. Matched case-insensitively on word
// boundaries, so "errors" and "Error:" count but "terror" does not.
const VOCABULARY = [
  "errors?|errno|err|exception|traceback|stack trace|uncaught|unhandled",
  "fail|fails|failed|failing|failure|fatal|panic|abort|aborted|segmentation fault|segfault|core dumped",
  "denied|refused|rejected|forbidden|unauthori[sz]ed|unauthenticated|permission|not permitted|not allowed",
  "not found|no such|does not exist|doesn't exist|not exist|missing|unknown|not known|undefined",
  "cannot|can't|can not|could not|couldn't|unable to|invalid|illegal|violation|corrupt|corrupted",
  "unexpected|unrecogni[sz]ed|unsupported|not supported|incompatible|mismatch|conflict|duplicate value",
  "duplicate|already exists|already in use|in use by|not set|not ready|not running|not installed",
  "unavailable|unreachable|no route to host|reset by peer|broken pipe|bad gateway|bad request",
  "timeout|timed? ?out|deadline exceeded|exceeded|exhausted|expired|revoked|insufficient|no space left|too many",
  "read-only file system|out of memory|oom|oomkilled|killed|evicted|crashloopbackoff|errimagepull",
  "imagepullbackoff|back-off|x509|exit status|exit code|exited with|non-zero exit|warning|warn",
  "stuck|hangs|hung|is offline|not online|not responding|no longer|restarting|giving up|retrying",
  "notready|is in use|are in use|no (?:\\w+ ){0,3}(?:was|were) found|none found|not detected|refusing|refuses",
  "degraded|unbound|has stopped|stopped unexpectedly|is down|too quickly|too fast|no valid|not valid|not ok",
  "authentication required|authorization required|login required|noauth",
].join("|");

const ERRORISH = new RegExp(`\\b(?:${VOCABULARY})\\b|\\bdeprecat|backoff\\b|\\berr_`, "i");
// Exception and error class names: RuntimeError, IllegalStateException, ModuleNotFoundError.
const ERROR_CLASS = /[a-z](?:Error|Exception|Failure)\b/;

// errno names (EACCES, ENOENT, …): case-sensitive, as programs print them.
const ERRNO_NAMES = [
  "ACCES|PERM|NOENT|EXIST|ADDRINUSE|ADDRNOTAVAIL|CONNREFUSED|CONNRESET|CONNABORTED|TIMEDOUT|NOSPC|MFILE",
  "NFILE|NOTDIR|ISDIR|NOTEMPTY|NOTFOUND|AI_AGAIN|PIPE|HOSTUNREACH|NETUNREACH|LOOP|NOMEM|ROFS|INVAL|2BIG",
  "NOEXEC|NOTSUP|OPNOTSUPP|BUSY|AGAIN|BADF|NXIO|DQUOT|XDEV|NOSYS|PROTO|SRCH|IO|FAULT|NOTCONN|NOBUFS",
].join("|");
/** An errno name as a whole word: EACCES, ENOENT, EADDRINUSE. */
const ERRNO = new RegExp(`\\bE(?:${ERRNO_NAMES})\\b`);

/** Whether text uses the words programs print when something failed ("denied", "x509", "EACCES"). */
export function hasErrorVocabulary(text: string): boolean {
  return ERRORISH.test(text) || ERROR_CLASS.test(text) || ERRNO.test(text);
}

/** A line that reads like an error message someone would paste into search. */
export function looksLikeError(line: string): boolean {
  const t = line.trim();
  // Shell comments and prompts are commands, not what the system said.
  return t.length >= 8 && t.length <= 400 && hasErrorVocabulary(t) && !/^(#\s|\/\/|\$ )/.test(t);
}
