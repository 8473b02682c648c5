import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RISKS, type Risk } from "./format";
import { RISK_CASES } from "./risk-classifier.cases";
import { classifyCommand } from "./risk-classifier";

const rank = (risk: Risk) => RISKS.indexOf(risk);

describe("classifyCommand: the table of real commands", () => {
  it("has at least 200 cases, none twice", () => {
    expect(RISK_CASES.length).toBeGreaterThanOrEqual(200);
    const commands = RISK_CASES.map(([, command]) => command);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it.each(RISK_CASES.map(([risk, command, reason]) => [risk, command, reason ?? ""] as const))(
    "%s: %s",
    async (risk, command, reasonContains) => {
      const result = await classifyCommand(command);
      expect({ risk: result.risk, summary: result.summary }).toMatchObject({ risk });
      if (reasonContains) expect(result.summary).toContain(reasonContains);
    },
  );
});

describe("classifyCommand: what it says", () => {
  it("names the command and the reason, highest risk first", async () => {
    const result = await classifyCommand("cat /etc/passwd | sed -i 's/a/b/' /etc/hosts && reboot");
    expect(result.risk).toBe("danger");
    expect(result.findings.map((f) => [f.risk, f.command])).toEqual([
      ["danger", "reboot"],
      ["change", "sed -i 's/a/b/' /etc/hosts"],
    ]);
    expect(result.summary).toMatch(/^danger: `reboot` /);
  });

  it("explains a change in the issue's words", async () => {
    const result = await classifyCommand("sed -i 's/a/b/' /etc/hosts");
    expect(result.summary).toBe("change: `sed -i` edits files in place");
  });

  it("says when every command only reads", async () => {
    const result = await classifyCommand("kubectl get pods | grep -v Running");
    expect(result).toEqual({ risk: "read", findings: [], summary: "read: every command only reads" });
  });

  it("says where the shell text cannot be parsed", async () => {
    const result = await classifyCommand("ls\nif then fi (");
    expect(result.risk).toBe("change");
    expect(result.summary).toMatch(/cannot parse .*line 2/);
  });

  it("classifies a script of only comments and blank lines as read", async () => {
    expect((await classifyCommand("# nothing here\n\n")).risk).toBe("read");
  });
});

// Commands built from parts, so the properties reach combinations the table does not list.
const PARTS = [
  "cat /etc/hosts",
  "ls -la /tmp",
  "kubectl get pods -n shop",
  "systemctl status nginx",
  "grep -rn error /var/log/app",
  "sed -n 1,5p /etc/fstab",
  "echo hello",
  "curl -s http://127.0.0.1:8080/health",
  "awk '{print $1}' /etc/passwd",
  "touch /tmp/marker",
  "rm -f /tmp/marker",
  "sed -i s/a/b/ /etc/hosts",
  "systemctl restart nginx",
  "apt-get install -y jq",
  "rm -rf /srv/data",
  "dd if=/dev/zero of=/dev/sda",
  "reboot",
  "frobnicate --now",
];
const part = fc.constantFrom(...PARTS);
const script: fc.Arbitrary<string> = fc.letrec<{ script: string }>((tie) => ({
  script: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    part,
    fc.tuple(tie("script"), fc.constantFrom(" | ", " && ", " || ", "; "), part).map(([a, op, b]) => `${a}${op}${b}`),
    tie("script").map((s) => `( ${s} )`),
    tie("script").map((s) => `echo "$( ${s} )"`),
    tie("script").map((s) => `if ${s}; then echo yes; fi`),
  ),
})).script;

// Table commands that are one line without a comment or a trailing `&`, so prefixing and appending
// keep them one command; multi-line scripts get the extra command on a line of their own.
const oneLiners = RISK_CASES.map(([, command]) => command).filter((c) => !/[\n#]|&\s*$/.test(c));
const anyCommand = fc.oneof(fc.constantFrom(...oneLiners), script);

const WRAPPERS = [
  (c: string) => `sudo ${c}`,
  (c: string) => `sudo -E ${c}`,
  (c: string) => `env ${c}`,
  (c: string) => `env LC_ALL=C ${c}`,
  (c: string) => `timeout 30 ${c}`,
  (c: string) => `timeout -s KILL 5m ${c}`,
  (c: string) => `${c} | grep x`,
];

describe("classifyCommand: properties", () => {
  it("wrapping in sudo, env or timeout, or piping into grep, never lowers the risk", async () => {
    await fc.assert(
      fc.asyncProperty(anyCommand, fc.constantFrom(...WRAPPERS), async (command, wrap) => {
        // A prefix wraps a command, not a compound statement (`sudo if …` is not shell).
        fc.pre(!/^(if|\(|\[|case|for|while)\b/.test(command) || wrap(command).startsWith(command));
        const before = await classifyCommand(command);
        const after = await classifyCommand(wrap(command));
        expect(rank(after.risk), `${wrap(command)}: ${after.summary}`).toBeGreaterThanOrEqual(rank(before.risk));
      }),
      { numRuns: 300 },
    );
  });

  it("adding `; rm -rf /` always gives danger", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...RISK_CASES.map(([, c]) => c)), script), async (command) => {
        if ((await classifyCommand(command)).summary.includes("cannot parse")) return;
        const oneLine = !/[\n#]|&\s*$/.test(command);
        const joined = oneLine ? `${command}; rm -rf /` : `${command}\nrm -rf /`;
        expect((await classifyCommand(joined)).risk, joined).toBe("danger");
      }),
      { numRuns: 300 },
    );
  });

  it("a combination is at least as risky as each of its parts", async () => {
    await fc.assert(
      fc.asyncProperty(script, part, fc.constantFrom(" | ", " && ", "; "), async (a, b, op) => {
        const [left, right, both] = await Promise.all([a, b, `${a}${op}${b}`].map(classifyCommand));
        const most = Math.max(rank(left!.risk), rank(right!.risk));
        expect(rank(both!.risk), `${a}${op}${b}`).toBeGreaterThanOrEqual(most);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a command too long to read", () => {
  it("is danger, without parsing it", async () => {
    const c = await classifyCommand(`echo ${"|".repeat(70_000)}`);
    expect(c.risk).toBe("danger");
    expect(c.summary).toMatch(/too long to read/);
  });
});
