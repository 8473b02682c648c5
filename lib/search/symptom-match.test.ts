import { describe, expect, it } from "vitest";
import { SymptomMatcher } from "./symptom-match";

function matcher(lines: string[]): SymptomMatcher<string> {
  const m = new SymptomMatcher<string>();
  for (const line of lines) m.add(line, line);
  return m;
}

describe("SymptomMatcher", () => {
  const m = matcher([
    "manifest unknown: manifest unknown",
    "Error: potentially insufficient UIDs or GIDs available in user namespace",
    "FileNotFoundError: [Errno 2] No such file or directory: 'podman'",
    "PermissionError: [Errno 13] Permission denied: '/tmp/ray/session_*/ports_by_node.json.lock'",
    "open /home/$USER/.claude/settings.json: permission denied",
    "E42", // too short to decide a ranking
  ]);

  it("finds a symptom line inside a longer, noisy paste, ignoring quotes, case and spacing", () => {
    const paste =
      `2025-01-14T10:22:31Z worker-3 ERROR:   POTENTIALLY insufficient "UIDs" ` +
      `or GIDs available in user namespace (sha256:ab12cd)`;
    const hits = m.match(paste);
    expect(hits.map((h) => h.value)).toEqual([
      "Error: potentially insufficient UIDs or GIDs available in user namespace",
    ]);
    // The whole line matched, first word to last.
    expect(hits[0]!.words).toBe(10);
    expect(hits[0]!.range).toEqual([0, 72]);
  });

  it("finds a line without its generic label when a tool prints the message after its own prefix", () => {
    const paste =
      `Error: writing blob: processing tar file(potentially insufficient UIDs or GIDs available in user namespace ` +
      `(requested 0:42 for /etc/gshadow)): exit status 1`;
    const hits = m.match(paste);
    expect(hits.map((h) => h.value)).toEqual([
      "Error: potentially insufficient UIDs or GIDs available in user namespace",
    ]);
    const line = "Error: potentially insufficient UIDs or GIDs available in user namespace";
    expect(line.slice(...hits[0]!.range)).toBe("potentially insufficient UIDs or GIDs available in user namespace");
    expect(hits[0]!.words).toBe(9);
  });

  it("lets placeholders stand for session ids and user names", () => {
    const paste =
      "PermissionError: [Errno 13] Permission denied: " +
      "'/tmp/ray/session_2025-01-14_10-22-31_123456_789/ports_by_node.json.lock'";
    expect(m.match(paste).map((h) => h.value)).toContain(
      "PermissionError: [Errno 13] Permission denied: '/tmp/ray/session_*/ports_by_node.json.lock'",
    );
    expect(m.match("open /home/alice/.claude/settings.json: permission denied").map((h) => h.value)).toEqual([
      "open /home/$USER/.claude/settings.json: permission denied",
    ]);
  });

  it("does not let a placeholder swallow unrelated text", () => {
    const paste = `open /home/${"x ".repeat(20)}.claude/settings.json: permission denied`;
    expect(m.match(paste)).toEqual([]);
  });

  it("finds a pasted piece of a symptom line and highlights that piece", () => {
    const hits = m.match("insufficient UIDs or GIDs");
    expect(hits).toHaveLength(1);
    expect(hits[0]!.words).toBe(4);
    const line = "Error: potentially insufficient UIDs or GIDs available in user namespace";
    expect(line.slice(...hits[0]!.range)).toBe("insufficient UIDs or GIDs");
  });

  it("matches whole words only", () => {
    expect(m.match("manifest unknownish: manifest unknown")).toEqual([]);
  });

  it("ignores one-word queries and too-short symptoms", () => {
    expect(m.match("podman")).toEqual([]);
    expect(m.match("failed with E42 again")).toEqual([]);
  });
});
