// The lines of a block of program output that carry a message. Stack frames go (a traceback's
// message is its last line), and so do the rows of status tables (`kubectl get pods`: a pod name, a
// count, `CrashLoopBackOff`, an age), whose words are not a line anyone pastes; an event table's
// MESSAGE column stays (`kubectl describe`: "Failed to pull image …").

const TRACEBACK_START = /^Traceback \(most recent call last\):?$/;
const STACK_FRAME: readonly RegExp[] = [
  /^at\s+[\w$.<>/-]+\s*\(.*\)$/, // Java, Node: at com.example.App.main(App.java:12)
  /^at\s+\S+\s+\(?[\w./\\:-]+:\d+(?::\d+)?\)?$/, // Node: at Object.<anonymous> (/app/x.js:1:2)
  /^\.\.\.\s+\d+\s+more$/, // Java: ... 12 more
  /^goroutine\s+\d+\s+\[[^\]]*\]:$/, // Go: goroutine 1 [running]:
  /^[\w./\\-]+\.go:\d+(?:\s+\+0x[0-9a-f]+)?$/, // Go: /src/main.go:12 +0x1d
  /^[\w./*()[\]-]+\([^()]*\)$/, // Go: main.main(), github.com/x/y.(*T).Run(0xc000…)
  /^File\s+"[^"]+",\s+line\s+\d+/, // Python: File "x.py", line 3, in <module>
];

const COLUMNS = /\s{2,}|\t+/;
const SEPARATOR_ROW = /^[-=\s]+$/;

function columns(line: string): string[] {
  return line.trim().split(COLUMNS);
}

/** `NAME  READY  STATUS`, `Type  Reason  Age  From  Message`: short capitalised column names. */
function isHeaderRow(cols: readonly string[]): boolean {
  return cols.length >= 3 && cols.every((c) => /^[A-Z][A-Za-z()_/.-]*(?: [A-Z(][A-Za-z()_/.-]*){0,2}$/.test(c));
}

/** A row of aligned columns: at least three, a name first, all but the last short (counts, ages). */
function isTableRow(cols: readonly string[]): boolean {
  const [first = "", ...rest] = cols;
  return (
    cols.length >= 3 &&
    /^[^\s:]+$/.test(first) &&
    rest.slice(0, -1).every((c) => c.length <= 32 && c.split(" ").length <= 3 && !c.includes(": "))
  );
}

/** The message each line of `lines` carries, in order; lines without one are left out. */
export function messageLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inTraceback = false;
  let header: { count: number; message: number } | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") {
      header = null;
      continue;
    }
    if (TRACEBACK_START.test(line)) {
      inTraceback = true;
      continue;
    }
    // Inside a Python traceback, frames and their source lines are indented; the message is not.
    if (inTraceback && /^\s/.test(raw)) continue;
    inTraceback = false;
    if (STACK_FRAME.some((frame) => frame.test(line))) continue;
    const cols = columns(raw);
    if (isHeaderRow(cols)) {
      header = { count: cols.length, message: cols.findIndex((c) => /^message$/i.test(c)) };
      continue;
    }
    if (SEPARATOR_ROW.test(line)) continue;
    if (header && cols.length >= 2) {
      // Only an event table's message column reads as a line; status columns do not.
      if (header.message >= 0 && cols.length > header.message) out.push(cols.slice(header.message).join(" "));
      continue;
    }
    if (isTableRow(cols)) {
      const last = cols[cols.length - 1] ?? "";
      if (last.split(/\s+/).length >= 3) out.push(last);
      continue;
    }
    out.push(line);
  }
  return out;
}
