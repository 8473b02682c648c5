// Terminal escape sequences removed, so expectations match what a reader sees.
// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte escapes, and stray CRs
// before newlines (a PTY turns "\n" into "\r\n").
const ANSI =
  // eslint-disable-next-line no-control-regex, @stylistic/max-len -- one regex, its parts listed above
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "").replace(/\r+\n/g, "\n");
}
