// A log line without what the logger put in front of the message: timestamps, levels, process ids,
// source locations. Symptoms are matched as runs of words inside a pasted line (lib/search/
// symptom-match.ts), so a symptom must be the part every occurrence shares: the message, never the
// time it was printed.
import { stripAnsi } from "@/lib/runs/ansi";

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const CLOCK = String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?`;
const ZONE = String.raw`(?:Z|[+-]\d{2}:?\d{2}|\s?UTC|\s?GMT|\s[A-Z]{3,4}(?=\s))?`;
const DATE_TIME = String.raw`\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]${CLOCK}${ZONE})?`;

/** Prefixes, each removed from the start of the line; applied in turn until none matches. */
const PREFIXES: readonly RegExp[] = [
  // CLIs that start a line with a status symbol: "❌  Exiting due to …", "✗ failed", "E: Unable to …" stays
  /^(?:\p{Extended_Pictographic}|[\u{2190}-\u{2BFF}]|\u{FE0F}|\u{200D}|[!*×✗✘•·>-](?=\s))+\s*/u,
  // a Kubernetes event row (`kubectl describe`, `kubectl get events`): type, reason, age, source
  /^(?:Normal|Warning)\s+[A-Z]\w+\s+\S+(?:\s+\(x\d+ over \S+\))?\s+[\w./-]+(?:,\s*[\w./-]+)*\s{2,}/,
  /^(?:Normal|Warning)\s+[A-Z]\w+\s+\S+(?:\s+\(x\d+ over \S+\))?\s+(?:kubelet|default-scheduler|[\w-]+-controller)\s+/,
  // dig's comments: ";; connection timed out; no servers could be reached"
  /^;;\s+/,
  // GitHub Actions annotations: ##[error]…, ::error file=x,line=2::…
  /^##\[(?:error|warning|notice)\]\s*/i,
  /^::(?:error|warning|notice)[^:]*::\s*/i,
  // docker compose: "web-1  | …"
  /^[\w.-]+\s+\|\s/,
  // kernel ring buffer: "[  123.456789] …"
  /^\[\s*\d+\.\d+\]\s*/,
  // ISO or Go log dates, optionally bracketed: "2024-01-02T03:04:05.123Z", "[2024/01/02 03:04:05]"
  new RegExp(String.raw`^\[?${DATE_TIME}\]?:?\s+`),
  // syslog: "Jan  2 03:04:05 host kubelet[123]: …"
  new RegExp(String.raw`^${MONTH}\s+\d{1,2}\s+${CLOCK}\s+(?:\S+\s+)?[\w./@-]+(?:\[\d+\])?:\s+`),
  // a bare clock: "03:04:05.123 …", "[03:04:05] …"
  new RegExp(String.raw`^\[?${CLOCK}\]?\s+`),
  // klog (kubelet, containerd, kubeadm): "E1203 12:00:00.123456    1234 file.go:12] …"
  /^[IWEF]\d{4}\s+\d{2}:\d{2}:\d{2}\.\d+\s+\d+\s+[\w.-]+:\d+\]\s+/,
  // logrus text: "ERRO[0000] …", "ERRO[08:30:54] …", and without the timer: "ERRO …"
  /^(?:ERRO|WARN|INFO|DEBU|FATA|PANI|TRAC)(?:\[[\d:]+\]\s*|\s+)/,
  // bracketed levels: "[ERROR] …", "[error] …", "<E> …"
  /^[[<](?:ERROR|ERR|E|WARN|WARNING|W|FATAL|F|CRIT|CRITICAL|INFO|I|DEBUG|D|NOTICE|ALERT|EMERG)[\]>]:?\s*/i,
  // Python logging's default format: "ERROR:root:…"
  /^(?:CRITICAL|ERROR|WARNING|INFO|DEBUG):[\w.]+:/,
  // log4j/logback: "ERROR [main] com.example.App - …", "ERROR com.example.App - …"
  /^(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)\s+(?:\[[^\]]*\]\s+)?(?:[\w.$]+\s+-\s+)?(?=\S)/,
  // a process id in brackets (PostgreSQL "[1234] FATAL:  …"), nginx "1234#1234: *5 …"
  /^\[\d+\]\s+/,
  /^\d+#\d+:\s+(?:\*\d+\s+)?/,
  // buildkit progress: "#12 0.345 …", "#12 ERROR: …" (the ERROR stays)
  /^#\d+\s+(?:\d+\.\d+\s+)?/,
];

// A YAML or JSON field holding a message, as `kubectl get -o yaml` prints it: `message: Back-off …`.
const MESSAGE_FIELD = /^(?:-\s+)?"?(?:message|msg)"?\s*:\s+(.+?)\s*,?$/;

/** Fields that hold the message in structured logs, best first. */
const MESSAGE_KEYS = ["msg", "message", "error", "err"];
const DETAIL_KEYS = ["error", "err"];

/** The line without its logger's prefix; structured lines (logfmt, JSON) give their message. */
export function stripLogPrefix(line: string): string {
  let text = stripAnsi(line).trim();
  const structured = jsonMessage(text) ?? logfmtMessage(text);
  if (structured !== null) return structured;
  const field = MESSAGE_FIELD.exec(text)?.[1];
  if (field) return /^".*"$/.test(field) ? field.slice(1, -1).replace(/\\(["\\])/g, "$1") : field;
  for (let pass = 0; pass < 6; pass++) {
    const before = text;
    for (const prefix of PREFIXES) text = text.replace(prefix, "");
    if (text === before) break;
  }
  return text.replace(/\s{2,}/g, " ").trim();
}

/** `{"level":"error","msg":"…","error":"…"}` → the message, then its error detail. */
function jsonMessage(text: string): string | null {
  if (!text.startsWith("{") || !text.endsWith("}")) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const fields = value as Record<string, unknown>;
  const key = MESSAGE_KEYS.find((k) => typeof fields[k] === "string" && fields[k] !== "");
  if (!key) return null;
  const detail = DETAIL_KEYS.find((k) => k !== key && typeof fields[k] === "string" && fields[k] !== "");
  return detail ? `${String(fields[key])} ${detail}="${String(fields[detail])}"` : String(fields[key]);
}

// key=value or key="quoted \"value\"" fields of a logfmt line.
const LOGFMT_FIELD = /(?:^|\s)([A-Za-z_][\w.]*)=("(?:[^"\\]|\\.)*"|\S*)/g;

/** `time=… level=error msg="…" error="…"` → the message, then its error detail as written. */
function logfmtMessage(text: string): string | null {
  if (!/(?:^|\s)(?:level|lvl|time|ts)=/.test(text)) return null;
  const fields = new Map<string, string>();
  for (const m of text.matchAll(LOGFMT_FIELD)) {
    const raw = m[2] ?? "";
    fields.set(m[1] ?? "", raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(["\\])/g, "$1") : raw);
  }
  const key = MESSAGE_KEYS.find((k) => fields.get(k));
  if (!key) return null;
  const detail = DETAIL_KEYS.find((k) => k !== key && fields.get(k));
  const message = fields.get(key) ?? "";
  return detail ? `${message} ${detail}="${fields.get(detail)}"` : message;
}
