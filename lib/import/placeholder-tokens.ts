// The spellings guides use for "put your value here", found inside one shell word or string: a
// stand-in for `<pod-name>`, `/path/to/rootfs`, `user@host`, `you@example.com`, `my-cluster`,
// `your-username`, `YOUR_REGION`, `...`, `[options]` and ALL-CAPS words like `IMAGE`. Which rules
// apply depends on where the text is (placeholders.ts): an unquoted argument takes them all, a
// quoted string only the unmistakable ones, since strings are often sentences.
import { isEnvironmentVariable } from "./environment-variables";
import type { PlaceholderKind } from "./placeholder-inputs";

export interface TokenMatch {
  /** [start, end) within the text searched. */
  start: number;
  end: number;
  kind: PlaceholderKind;
  /** What the input is named after: `pod-name`, `rootfs`, `cluster`, `IMAGE` (a stand-in's own
   *  word for `<…>`, which the caller maps back). */
  raw: string;
  /** A path example that starts at the root (`/path/to/x`). */
  absolute?: boolean;
}

/** `<pod-name>` is not shell (it is two redirections); it is swapped for this word before parsing. */
export const sentinel = (index: number) => `__cbph${index}__`;
export const SENTINEL = /__cbph\d+__/g;

/** Where a word is: an unquoted command argument, an assignment's value, or quoted text. */
export type Where = "argument" | "value" | "quoted";

// `/path/to/x`, `path/to/x`, `~/path/to/x`, `/full/path/to/x`, `/your/project`, `/some/dir`. After
// `path/to/` one part names the value; what follows is a real path inside it (`/path/to/rootfs/etc`).
const PATH_EXAMPLE = new RegExp(
  [
    String.raw`(?<![\w.~/$-])(?:~\/|\.\/|\/)?(?:(?:full|absolute|some|your|the)\/)?path\/to`,
    String.raw`(?:\/(?:your|my|the|some))?\/[\w.-]+\/?`,
    String.raw`|(?<![\w.~/$-])\/(?:your|some)[-_/][\w./-]*[\w-]`,
  ].join(""),
  "g",
);
const USER_WORD =
  /^(?:user|username|user_?name|you|yourname|your[-_]?(?:user|username|user_name|name|login)|me|myuser|myname|login)$/i;
const HOST_WORD = new RegExp(
  [
    String.raw`^(?:host|hostname|server|remote|remote[-_]?host|machine|node|ip|ip[-_]?address|server[-_]?ip`,
    String.raw`|your[-_]?[\w-]+|my[-_]?(?:host|server|machine)|host\.example\.(?:com|org|net))$`,
  ].join(""),
  "i",
);
const EMAIL_DOMAIN = /^(?:(?:[\w-]+\.)?example\.(?:com|org|net)|(?:your)?domain\.(?:com|tld|org)|yourcompany\.com)$/i;
const AT = /(?<![\w.$-])([\w.-]+)@([\w.-]+)(?![\w.-])/g;
const NOUNS = [
  "user|username|name|app|application|cluster|bucket|project|region|zone|token|key|password|host|server|email",
  "|org|organization|repo|repository|registry|namespace|image|container|pod|service|domain|db|database|table",
  "|account|profile|role|group|team|branch|tag|secret|vm|instance|node|network|volume|function|queue|topic",
  "|stack|deployment|release|chart|site|machine|env|environment|api|subscription|tenant|workspace",
].join("");
// `YOUR_REGION`, `your-username`, `yourdomain`: unmistakable anywhere, quoted text included.
const YOUR = new RegExp(
  String.raw`(?<![\w$-])(?:YOUR_([A-Z0-9_]+)|your[-_]([a-z0-9][a-z0-9_-]*)|your(${NOUNS}))(?![\w-])`,
  "g",
);
// `my-cluster`, `my_bucket`, `myuser`: in arguments only (a sentence may say "my-app works").
const MY = new RegExp(String.raw`(?<![\w$-])my(?:[-_]([a-z0-9][a-z0-9_-]*)|(${NOUNS}))(?![\w-])`, "g");
// `...` (or `....`), `…`, `[...]`, `[options]`, `[OPTIONS]`, `[ARG...]`, `[COMMAND]` as a whole argument.
const OMITTED = /^(?:\.{3,}|…|\[(?:\.{3,}|…|([a-z]+|[A-Z][A-Z0-9_]*)(?:\.{3,}|…)?)\])$/;
/** `...`, `[options]`, `[ARG...]`: arguments a guide left out, as one whole argument. */
export function isOmitted(text: string): boolean {
  return OMITTED.test(text);
}
const GENERIC_OMITTED = /^(?:options?|flags?|args?|arguments?|params?|parameters?)$/i;
const CAPS = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

// ALL-CAPS words that are values in their own right: signals, HTTP methods, protocols, iptables
// targets and chains, log levels, DNS record types, git refs, socket states, units, formats.
const CONSTANTS = new Set(
  [
    "SIGHUP SIGINT SIGQUIT SIGKILL SIGTERM SIGUSR1 SIGUSR2 SIGSTOP SIGCONT SIGCHLD SIGPIPE SIGALRM SIGSEGV SIGABRT",
    "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM CHLD CONT STOP TSTP TTIN TTOU URG",
    "XCPU XFSZ VTALRM PROF WINCH IO PWR SYS EXIT ERR DEBUG RETURN",
    "GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH",
    "TCP UDP ICMP SCTP HTTP HTTPS TLS SSL SSH DNS NFS SMB FTP IPV4 IPV6 INET INET6",
    "ACCEPT DROP REJECT MASQUERADE DNAT SNAT LOG INPUT OUTPUT FORWARD PREROUTING POSTROUTING NEW ESTABLISHED RELATED",
    "INVALID TRACE INFO NOTICE WARN WARNING ERROR CRIT CRITICAL FATAL ALERT EMERG PANIC",
    "TRUE FALSE YES NO ON OFF NONE ALL ANY NULL OK EOF END UTC GMT",
    "AAAA CNAME MX TXT NS SOA PTR SRV CAA AXFR IXFR",
    "HEAD ORIG_HEAD FETCH_HEAD MERGE_HEAD",
    "README LICENSE CHANGELOG TODO NOTES AUTHORS CONTRIBUTING MAINTAINERS",
    "LISTEN ESTAB ESTABLISHED TIME_WAIT CLOSE_WAIT SYN_SENT SYN_RECV FIN_WAIT1 FIN_WAIT2 CLOSED UNCONN",
    "KB MB GB TB KIB MIB GIB TIB CPU GPU RAM RSS VSZ TTY",
    "JSON YAML CSV XML TOML AMD64 ARM64 X86_64 AARCH64",
    "MEMORY UTILIZATION ECC TEMPERATURE POWER CLOCK COMPUTE PIDS PERFORMANCE SUPPORTED_CLOCKS ACCOUNTING",
    // Names of things, not stand-ins: ECR's login user is literally `AWS`.
    "AWS GCP GCS S3 EC2 ECR EKS GKE AKS IAM API URL URI UUID UTF8 ASCII",
  ]
    .join(" ")
    .split(" "),
);

/** An ALL-CAPS word that stands for a value (`IMAGE`, `CONTAINER_ID`), not a constant or a variable. */
export function isCapsPlaceholder(word: string): boolean {
  return (
    CAPS.test(word) &&
    (word.match(/[A-Z]/g)?.length ?? 0) >= 2 &&
    !CONSTANTS.has(word) &&
    !isEnvironmentVariable(word) &&
    !/^SIG[A-Z]+$/.test(word)
  );
}

interface Options {
  where: Where;
  /** Look for ALL-CAPS placeholders (the caller knows the program and option around the word). */
  caps: boolean;
}

/** Placeholders in `text` (one word's or string's literal text), in order, not overlapping. */
export function placeholdersIn(text: string, opts: Options): TokenMatch[] {
  const found: TokenMatch[] = [];
  const add = (start: number, end: number, kind: PlaceholderKind, raw: string, absolute?: boolean) => {
    if (found.some((f) => start < f.end && f.start < end)) return;
    found.push({ start, end, kind, raw, ...(absolute !== undefined ? { absolute } : {}) });
  };
  const omitted = opts.where === "argument" ? OMITTED.exec(text) : null;
  if (omitted) add(0, text.length, "omitted", omitted[1] && !GENERIC_OMITTED.test(omitted[1]) ? omitted[1] : "");
  // Before `<…>` stand-ins, so `/path/to/<file>` is one path named after its last part.
  for (const m of text.matchAll(PATH_EXAMPLE)) {
    const last = m[0].replace(/\/$/, "").split("/").pop() ?? "";
    add(m.index, m.index + m[0].length, "path", last, m[0].startsWith("/"));
  }
  for (const m of text.matchAll(SENTINEL)) add(m.index, m.index + m[0].length, "angle", m[0]);
  for (const m of text.matchAll(AT)) {
    const [, user = "", host = ""] = m;
    if (EMAIL_DOMAIN.test(host) && !/^(?:git|noreply)$/i.test(user))
      add(m.index, m.index + m[0].length, "email", "email");
    else if (USER_WORD.test(user) || HOST_WORD.test(host))
      add(m.index, m.index + m[0].length, "destination", "destination");
  }
  for (const m of text.matchAll(YOUR)) add(m.index, m.index + m[0].length, "example-name", m[1] ?? m[2] ?? m[3] ?? "");
  if (opts.where !== "quoted")
    for (const m of text.matchAll(MY)) add(m.index, m.index + m[0].length, "example-name", m[1] ?? m[2] ?? "");
  if (opts.caps) capsIn(text, add);
  return found.sort((a, b) => a.start - b.start);
}

/** ALL-CAPS segments of an argument (`registry/NS/IMAGE:TAG`), not the key of `KEY=value`. */
function capsIn(text: string, add: (start: number, end: number, kind: PlaceholderKind, raw: string) => void): void {
  for (const m of text.matchAll(/[^/:@,=]+/g)) {
    const after = text[m.index + m[0].length];
    if (after === "=" && !text.slice(0, m.index).includes("=")) continue;
    // `SERVICE_NAME.service`, `CERT.pem`: the name is the placeholder, the extension stays.
    const word = /^([A-Z][A-Z0-9_]*)(?:\.[a-z0-9][\w.-]*)?$/.exec(m[0])?.[1] ?? "";
    if (isCapsPlaceholder(word)) add(m.index, m.index + word.length, "caps", word);
  }
}
