import { describe, expect, it } from "vitest";
import {
  describeExpectation,
  EXPECTATION_KINDS,
  EXPECTATION_KEYS,
  expectationSource,
  failedExpectation,
  parseExpectation,
  type Expectation,
  type ExpectationKey,
  type StepOutcome,
} from "./expectations";
import { parsePlaybook } from "./parse-playbook";
import type { StaticValue } from "./static-value";

interface Case<K extends ExpectationKey> {
  value: NonNullable<Expectation[K]>;
  /** A value the parser refuses, and its message. */
  bad: [StaticValue, string];
  passes: StepOutcome;
  fails: [StepOutcome, string];
  describes: string;
}

// One case per kind; a new kind does not compile until it has its case here.
const CASES: { [K in ExpectationKey]: Case<K> } = {
  exit: {
    value: 3,
    bad: [300, "expect.exit must be a whole number from 0 to 255, got 300"],
    passes: { exitCode: 3, text: "" },
    fails: [{ exitCode: 0, text: "" }, "exit code 0, expected 3"],
    describes: "the exit code is 3",
  },
  match: {
    value: "^podman version \\d",
    bad: ["(", "expect.match is not a valid regular expression: Invalid regular expression: /(/: Unterminated group"],
    passes: { exitCode: 0, text: "hello\npodman version 4.9.3\n" },
    fails: [{ exitCode: 0, text: "docker 27" }, "output does not match /^podman version \\d/"],
    describes: "the output matches /^podman version \\d/",
  },
  notMatch: {
    value: "WARN",
    bad: ["", 'expect.notMatch must be a regular expression written as text, e.g. notMatch: "version \\\\d+"'],
    passes: { exitCode: 0, text: "all good" },
    fails: [{ exitCode: 0, text: "WARN: low disk" }, "output matches /WARN/, which it must not"],
    describes: "the output does not match /WARN/",
  },
};

const only = <K extends ExpectationKey>(key: K, value: Expectation[K]): Expectation => ({ exit: 0, [key]: value });

describe.each(EXPECTATION_KEYS)("the %s expectation", (key) => {
  const c = CASES[key] as Case<typeof key>;
  const kind = EXPECTATION_KINDS[key];

  it("parses a good value and refuses a bad one with its message", () => {
    expect(parseExpectation({ [key]: c.value })).toEqual({ expectation: only(key, c.value), errors: [] });
    expect(parseExpectation({ [key]: c.bad[0] }).errors).toEqual([c.bad[1]]);
  });

  it("judges an outcome", () => {
    expect(failedExpectation(only(key, c.value), c.passes)).toBeNull();
    expect(failedExpectation(only(key, c.value), c.fails[0])).toBe(c.fails[1]);
  });

  it("says what it checks", () => {
    expect((kind.describe as (v: unknown) => string)(c.value)).toBe(c.describes);
  });

  it("survives being written into MDX and read back by the parser", () => {
    const tag = `<Step id="a" title="A" expect={${expectationSource({ [key]: c.value })}}>`;
    const mdx = `---\ntitle: T\nsummary: S\n---\n${tag}\n\`\`\`bash\ntrue\n\`\`\`\n</Step>\n`;
    const { playbook, errors } = parsePlaybook("content/x.mdx", mdx);
    expect(errors).toEqual([]);
    expect(playbook?.steps[0]?.expect).toEqual(only(key, c.value));
  });
});

describe("expectations", () => {
  it("default to exit 0, and report every bad field", () => {
    expect(parseExpectation({})).toEqual({ expectation: { exit: 0 }, errors: [] });
    expect(parseExpectation("0").errors).toEqual([
      'expect must be an object like expect={{ exit: 0, match: "podman version" }}',
    ]);
    expect(parseExpectation({ exit: -1, matches: "x" }).errors).toEqual([
      "expect.exit must be a whole number from 0 to 255, got -1",
      'expect has unknown field "matches" (allowed: exit, match, notMatch)',
    ]);
  });

  it("are judged in table order: the exit code first", () => {
    const all = { exit: 0, match: "x", notMatch: "y" };
    expect(failedExpectation(all, { exitCode: 1, text: "y" })).toBe("exit code 1, expected 0");
    expect(failedExpectation(all, { exitCode: 0, text: "y" })).toBe("output does not match /x/");
  });

  it("say what passes in words", () => {
    expect(describeExpectation({ exit: 0 })).toBe("Passes when the exit code is 0");
    expect(describeExpectation({ exit: 0, match: "podman version" })).toBe(
      "Passes when the exit code is 0 and the output matches /podman version/",
    );
    expect(describeExpectation({ exit: 1, match: "a", notMatch: "b" })).toBe(
      "Passes when the exit code is 1, the output matches /a/ and the output does not match /b/",
    );
  });

  it("are written as MDX source, escaped, with the default exit code", () => {
    expect(expectationSource({})).toBe("{ exit: 0 }");
    const source = expectationSource({ match: 'say "hi"\\d', notMatch: "x" });
    expect(source).toBe('{ exit: 0, match: "say \\"hi\\"\\\\d", notMatch: "x" }');
  });
});
