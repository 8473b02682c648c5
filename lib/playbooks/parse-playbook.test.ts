import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatContentError } from "./content-error";
import { EXPECTATION_KEYS } from "./expectations";
import { parsePlaybook } from "./parse-playbook";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "podman-basics.mdx");

// Four lines of frontmatter, so the body of every case below starts on line 5.
const HEAD = "---\ntitle: T\nsummary: S\n---\n";
const step = (attributes: string, code = "```bash\necho hi\n```") => `<Step ${attributes}>\n${code}\n</Step>\n`;

function errorsOf(source: string, file = "content/x.mdx"): string[] {
  const result = parsePlaybook(file, source);
  expect(result.playbook).toBeUndefined();
  return result.errors.map(formatContentError);
}

describe("parsePlaybook on a good playbook", () => {
  const source = readFileSync(FIXTURE);
  const mtime = new Date("2026-01-02T03:04:05Z");
  const { playbook, errors } = parsePlaybook("content/podman-basics.mdx", source, { mtime });

  it("has no errors", () => {
    expect(errors).toEqual([]);
    expect(playbook).toBeDefined();
  });

  it("reads the frontmatter, with input defaults filled in", () => {
    expect(playbook).toMatchObject({
      slug: "podman-basics",
      file: "content/podman-basics.mdx",
      title: "Podman cannot start rootless containers",
      summary: "Find out whether podman is installed and whether your user has subordinate IDs.",
      tags: ["podman", "containers"],
      symptoms: [
        "No such file or directory: 'podman'",
        "potentially insufficient UIDs or GIDs available in user namespace",
      ],
      updatedAt: mtime,
    });
    expect(playbook?.inputs).toEqual([
      {
        name: "IMAGE",
        label: "Container image",
        default: "docker.io/library/hello-world",
        required: false,
        secret: false,
      },
      {
        name: "REGISTRY_TOKEN",
        label: "Registry token",
        description: "Only needed for private registries.",
        required: false,
        secret: true,
      },
    ]);
  });

  it("extracts every step with its attributes, defaults, code, prose and section", () => {
    expect(playbook?.steps).toEqual([
      {
        id: "podman-installed",
        title: "Is podman on the PATH?",
        lang: "bash",
        code: "command -v podman && podman --version",
        risk: "read",
        expect: { exit: 0, match: "podman version \\d+" },
        onPass: "subuid-configured",
        onFail: "install-podman",
        timeout: 60,
        text: "The version should be 4 or newer.",
        section: { id: "is-podman-installed", title: "Is podman installed?" },
        line: 26,
      },
      {
        id: "install-podman",
        title: "Install podman",
        lang: "bash",
        code: "sudo apt-get update && sudo apt-get install -y podman",
        risk: "change",
        expect: { exit: 0 },
        timeout: 300,
        text: "",
        section: { id: "is-podman-installed", title: "Is podman installed?" },
        line: 34,
      },
      {
        id: "subuid-configured",
        title: "Does $USER have subordinate IDs?",
        lang: "sh",
        code: 'grep "^$USER:" /etc/subuid /etc/subgid',
        risk: "read",
        expect: { exit: 0, notMatch: "^$" },
        timeout: 10,
        text: "",
        section: { id: "subordinate-ids", title: "Subordinate IDs" },
        line: 50,
      },
      {
        id: "run-image",
        title: "Run the image",
        lang: "zsh",
        code: 'podman run --rm "$IMAGE"',
        risk: "danger",
        expect: { exit: 0 },
        timeout: 60,
        text: "Pulls and runs $IMAGE.",
        section: { id: "try-a-container", title: "Try a container" },
        line: 58,
      },
    ]);
  });

  it("collects sections with slugs and their prose, leaving steps out", () => {
    expect(playbook?.sections).toEqual([
      {
        id: "is-podman-installed",
        title: "Is podman installed?",
        depth: 2,
        line: 22,
        text: "Ray shells out to podman; if it is missing the actor never starts.",
      },
      {
        id: "subordinate-ids",
        title: "Subordinate IDs",
        depth: 2,
        line: 40,
        text:
          "Rootless only\nRoot-run podman does not need /etc/subuid.\n" +
          "| file | holds |\n| /etc/subuid | user ranges |",
      },
      { id: "try-a-container", title: "Try a container", depth: 3, line: 56, text: "" },
    ]);
    expect(playbook?.intro).toBe(
      "Rootless podman needs two things: the podman binary and a range of\n" +
        "subordinate user IDs for the user who runs it.",
    );
  });

  it("keeps the body without frontmatter, with the file line it starts on", () => {
    const lines = source.toString("utf8").split("\n");
    expect(playbook?.bodyLine).toBe(16);
    expect(playbook?.body).toBe(lines.slice(15).join("\n"));
    expect(playbook?.body.split("\n")[22 - 16]).toBe("## Is podman installed?");
  });

  it("hashes the file bytes", () => {
    expect(playbook?.contentHash).toBe(createHash("sha256").update(source).digest("hex").slice(0, 12));
    const edited = parsePlaybook("content/podman-basics.mdx", `${source.toString("utf8")}\nMore.\n`);
    expect(edited.playbook?.contentHash).toMatch(/^[0-9a-f]{12}$/);
    expect(edited.playbook?.contentHash).not.toBe(playbook?.contentHash);
  });

  it("accepts comments and static attribute expressions", () => {
    const result = parsePlaybook(
      "content/x.mdx",
      HEAD +
        "{/* note */}\n\nText {/* inline */}\n\n" +
        step('id={"a"} title={`A`} timeout={90} expect={{ "exit": 2 }}'),
    );
    expect(result.errors).toEqual([]);
    expect(result.playbook?.steps[0]).toMatchObject({ id: "a", title: "A", timeout: 90, expect: { exit: 2 } });
  });
});

describe("parsePlaybook on bad playbooks", () => {
  const ALLOWED =
    "(allowed: id, title, risk, riskReason, expect, onPass, onFail, timeout, capture, captureLastLine, captureSecret)";
  const NOT_COMPONENT =
    "is not allowed: playbooks may use only the components Step and Callout (and Markdown for everything else)";

  it.each([
    [
      "an unknown attribute",
      step('id="a" title="A" onfail="b"'),
      `5:24: Step "a": unknown attribute "onfail" (did you mean "onFail"?) ${ALLOWED}`,
    ],
    [
      "an unknown risk",
      step('id="a" title="A" risk="high"'),
      '5:24: Step "a": unknown risk "high" (allowed: read, change, danger)',
    ],
    [
      "a duplicate id",
      step('id="a" title="A"') + "\n" + step('id="a" title="B"'),
      '11:1: Step "a": id is already used by the step on line 5',
    ],
    [
      "onFail naming a missing step",
      step('id="a" title="A" onFail="b"'),
      '5:24: Step "a": onFail names unknown step "b"',
    ],
    [
      "onPass naming a missing step",
      step('id="a" title="A" onPass="zz"'),
      '5:24: Step "a": onPass names unknown step "zz"',
    ],
    [
      "a regex that does not compile",
      step('id="a" title="A" expect={{ match: "(unclosed" }}'),
      '5:24: Step "a": expect.match is not a valid regular expression: ' +
        "Invalid regular expression: /(unclosed/: Unterminated group",
    ],
    [
      "a step with no code",
      '<Step id="a" title="A">\nJust prose.\n</Step>\n',
      '5:1: Step "a": has no code block; add exactly one fenced ```bash block inside the step',
    ],
    [
      "a step with two code blocks",
      step('id="a" title="A"', "```bash\necho 1\n```\n\n```bash\necho 2\n```"),
      '10:1: Step "a": has 2 code blocks; a step runs exactly one (split it into several steps)',
    ],
    [
      "a step without id",
      step('title="A"'),
      '5:1: Step: missing id="..." (every step needs an id that is unique in the playbook)',
    ],
    [
      "an id that is not a slug",
      step('id="Check Podman" title="A"'),
      '5:7: Step: id "Check Podman" must be a lowercase slug like "check-podman" (letters, digits, single dashes)',
    ],
    ["a step without title", step('id="a"'), '5:1: Step "a": missing title="..."'],
    ["an id that is not text", step('id={7} title="A"'), '5:7: Step: id must be non-empty text, e.g. id="..."'],
    [
      "code without a language",
      step('id="a" title="A"', "```\necho\n```"),
      '6:1: Step "a": the code block needs a language: write ```bash, ```sh, ```zsh',
    ],
    [
      "code in a language that is not a shell",
      step('id="a" title="A"', "```python\nprint(1)\n```"),
      '6:1: Step "a": code block language "python" cannot run (allowed: bash, sh, zsh)',
    ],
    ["an empty code block", step('id="a" title="A"', "```bash\n```"), '6:1: Step "a": the code block is empty'],
    [
      "a timeout that is not a duration",
      step('id="a" title="A" timeout="soon"'),
      '5:24: Step "a": timeout must be a number of seconds or a duration like "30s", "5m" or "1h", got "soon"',
    ],
    [
      "a negative timeout",
      step('id="a" title="A" timeout={-5}'),
      '5:24: Step "a": timeout must be more than 0 and at most 24h, got -5',
    ],
    [
      "code in an attribute",
      step('id="a" title="A" expect={{ exit: process.exit(1) }}'),
      '5:40: Step "a": expect must be a literal value (text, a number, true/false, a list or { key: value }); ' +
        "playbooks cannot run code",
    ],
    [
      "an unknown expect field",
      step('id="a" title="A" expect={{ exit: 0, matches: "x" }}'),
      `5:24: Step "a": expect has unknown field "matches" (allowed: ${EXPECTATION_KEYS.join(", ")})`,
    ],
    [
      "an exit code out of range",
      step('id="a" title="A" expect={{ exit: 300 }}'),
      '5:24: Step "a": expect.exit must be a whole number from 0 to 255, got 300',
    ],
    [
      "expect that is not an object",
      step('id="a" title="A" expect="0"'),
      '5:24: Step "a": expect must be an object like expect={{ exit: 0, match: "podman version" }}',
    ],
    [
      "a regex literal",
      step('id="a" title="A" expect={{ match: /x/ }}'),
      '5:41: Step "a": expect cannot hold a regular expression literal; ' +
        'write the pattern as text, e.g. match: "ver\\\\d+"',
    ],
    [
      "a spread attribute",
      step('id="a" title="A" {...props}'),
      '5:24: Step "a": {...props} is not allowed; write each attribute as name="value"',
    ],
    [
      "an attribute given twice",
      step('id="a" title="A" title="B"'),
      '5:24: Step "a": attribute "title" is given twice',
    ],
    ["an unknown component", 'Text\n\n<Foo bar="1" />\n', `7:1: <Foo> ${NOT_COMPONENT}`],
    ["an HTML element", "Text <b>bold</b> here\n", `5:6: <b> ${NOT_COMPONENT}`],
    ["a fragment", "<>x</>\n", "5:1: fragments (<>...</>) are not allowed; use Step and Callout"],
    [
      "an import",
      "import X from './x.js'\n\nText\n",
      "5:1: import and export statements are not allowed in playbooks (Step and Callout are always available)",
    ],
    [
      "an export",
      "export const a = 1\n",
      "5:1: import and export statements are not allowed in playbooks (Step and Callout are always available)",
    ],
    [
      "an expression",
      "Value: {1 + 1}\n",
      "5:8: {1 + 1}: JavaScript expressions are not allowed in playbooks; only {/* comments */}",
    ],
    [
      "an unknown callout type",
      '<Callout type="note">hi</Callout>\n',
      '5:10: Callout: unknown type "note" (allowed: info, tip, warning, danger)',
    ],
    [
      "an unknown callout attribute",
      '<Callout tone="x">hi</Callout>\n',
      '5:10: Callout: unknown attribute "tone" (allowed: type, title)',
    ],
    [
      "a callout expression attribute",
      '<Callout title={"x"}>hi</Callout>\n',
      '5:10: Callout: title must be written as title="..."',
    ],
    [
      "a step inside a callout",
      `<Callout>\n${step('id="a" title="A"')}</Callout>\n`,
      "6:1: <Step> must sit at the top level of the playbook, not inside a list, quote or another component",
    ],
    [
      "a step inside a paragraph",
      'Text <Step id="a" title="A">x</Step>\n',
      "5:6: <Step> must start on a line of its own, with its code block on the lines below",
    ],
    [
      "a level-1 heading",
      "# Title again\n\nText\n",
      '5:1: "# Title again": the title comes from the frontmatter; start sections at ## (level 2)',
    ],
    [
      "an HTML comment",
      "Text\n\n<!-- note -->\n",
      "7:2: MDX syntax error: Unexpected character `!` (U+0021) before name, " +
        "expected a character that can start a name, such as a letter, `$`, or `_` " +
        "(note: to create a comment in MDX, use `{/* text */}`)",
    ],
    [
      "an unclosed step",
      '<Step id="a" title="A">\n\n```bash\necho\n```\n',
      "5:1: MDX syntax error: Expected a closing tag for `<Step>` (5:1-5:24)",
    ],
  ])("reports %s", (_name, body, expected) => {
    expect(errorsOf(HEAD + body)).toEqual([`content/x.mdx:${expected}`]);
  });

  it("does not report a link to a step that has errors of its own as unknown", () => {
    const body = step('id="a" title="A" onFail="b"') + "\n" + step('id="b" title="B" risk="high"');
    expect(errorsOf(HEAD + body)).toEqual([
      'content/x.mdx:11:24: Step "b": unknown risk "high" (allowed: read, change, danger)',
    ]);
  });

  it("never evaluates attribute expressions", () => {
    const marker = globalThis as { casebookPwned?: number };
    errorsOf(HEAD + step('id="a" title="A" expect={{ exit: (globalThis.casebookPwned = 1) }}'));
    errorsOf(HEAD + step('id="a" title="A" timeout={(() => { globalThis.casebookPwned = 2; return 5 })()}'));
    expect(marker.casebookPwned).toBeUndefined();
  });

  it("reports every error in a file, in line order", () => {
    const body = step('id="a" title="A" risk="high"') + "\nValue: {x}\n\n" + step('id="b" title="B" onPass="nowhere"');
    expect(errorsOf(HEAD + body)).toEqual([
      'content/x.mdx:5:24: Step "a": unknown risk "high" (allowed: read, change, danger)',
      "content/x.mdx:11:8: {x}: JavaScript expressions are not allowed in playbooks; only {/* comments */}",
      'content/x.mdx:13:24: Step "b": onPass names unknown step "nowhere"',
    ]);
  });

  it("reports a file name that is not a slug", () => {
    expect(errorsOf(HEAD, "content/Bad Name.mdx")).toEqual([
      'content/Bad Name.mdx:1:1: file name "Bad Name" must be a lowercase slug like "podman-rootless" ' +
        "(it is the page URL)",
    ]);
  });
});

describe("parsePlaybook on bad frontmatter", () => {
  const INPUT = (line: string) => `---\ntitle: T\nsummary: S\ninputs:\n${line}\n---\n`;

  it.each([
    [
      "no frontmatter",
      "Hello\n",
      "1:1: missing frontmatter: start the file with ---, then title: and summary:, then ---",
    ],
    ["a missing title", "---\nsummary: S\n---\n", '2:1: frontmatter: "title" is required'],
    ["an empty summary", "---\ntitle: T\nsummary: '  '\n---\n", '3:10: frontmatter: "summary" must not be empty'],
    [
      "an unknown field",
      "---\ntitle: T\nsummary: S\nsymptom: [x]\n---\n",
      '4:1: frontmatter: unknown field "symptom" (allowed: title, summary, tags, symptoms, inputs)',
    ],
    ["invalid YAML", '---\ntitle: T\nsummary: "S\n---\n', '3:12: frontmatter: invalid YAML: Missing closing "quote'],
    [
      "a duplicate key",
      "---\ntitle: T\ntitle: U\nsummary: S\n---\n",
      "3:1: frontmatter: invalid YAML: Map keys must be unique",
    ],
    ["a title that is not text", "---\ntitle: [a]\nsummary: S\n---\n", '2:8: frontmatter: "title" must be text'],
    [
      "tags that are not a list",
      "---\ntitle: T\nsummary: S\ntags: podman\n---\n",
      '4:7: frontmatter: "tags" must be a list like [podman, ray]',
    ],
    [
      "a tag that is not a slug",
      "---\ntitle: T\nsummary: S\ntags: [ok, Big Tag]\n---\n",
      '4:12: frontmatter: "tags[1]" must be lowercase letters, digits, dots, pluses and dashes (tags are URLs)',
    ],
    [
      "a symptom that is not text",
      "---\ntitle: T\nsummary: S\nsymptoms:\n  - a\n  - { b: c }\n---\n",
      '6:5: frontmatter: "symptoms[1]" must be error text, or { text: "…", step: step-id }',
    ],
    [
      "a symptom that names a step that does not exist",
      '---\ntitle: T\nsummary: S\nsymptoms:\n  - { text: "disk full", step: no-such }\n---\n' +
        step('id="df" title="Disk"'),
      '5:32: frontmatter: symptom "disk full" names unknown step "no-such"',
    ],
    [
      "a misspelt field in a symptom",
      '---\ntitle: T\nsummary: S\nsymptoms:\n  - { text: "disk full", stpe: df }\n---\n',
      '5:5: frontmatter: "symptoms[0]" must be error text, or { text: "…", step: step-id }',
    ],
    [
      "an input name that is not an environment variable",
      INPUT("  - { name: image, label: Image }"),
      '5:13: frontmatter: "inputs[0].name" must be UPPER_SNAKE_CASE like IMAGE_NAME ' +
        "(it becomes an environment variable)",
    ],
    ["an input without label", INPUT("  - { name: IMAGE }"), '5:5: frontmatter: "inputs[0].label" is required'],
    [
      "an unknown input field",
      INPUT("  - { name: IMAGE, label: Image, defualt: x }"),
      '5:34: frontmatter: unknown field "inputs[0].defualt" ' +
        "(allowed: name, label, description, default, required, secret, pattern)",
    ],
    [
      "an input flag that is not true/false",
      INPUT("  - { name: IMAGE, label: Image, secret: maybe }"),
      '5:42: frontmatter: "inputs[0].secret" must be true or false',
    ],
    [
      "an input pattern that does not compile",
      INPUT("  - { name: IMAGE, label: Image, pattern: '[a-' }"),
      '5:43: frontmatter: "inputs[0].pattern" is not a valid regular expression: ' +
        "Invalid regular expression: /[a-/: Unterminated character class",
    ],
    [
      "an input declared twice",
      INPUT("  - { name: A, label: A }\n  - { name: A, label: B }"),
      '6:13: frontmatter: "inputs[1].name" is "A", which an earlier input already uses',
    ],
    [
      "a default that fails its own pattern",
      INPUT("  - { name: PORT, label: Port, default: abc, pattern: '^\\d+$' }"),
      '5:41: frontmatter: "inputs[0].default" is "abc", which does not match its pattern /^\\d+$/',
    ],
  ])("reports %s", (_name, source, expected) => {
    expect(errorsOf(source)).toEqual([`content/x.mdx:${expected}`]);
  });

  it("makes an input required only when it has no default, and reads a numeric default as text", () => {
    const { playbook, errors } = parsePlaybook(
      "content/x.mdx",
      INPUT("  - { name: HOST, label: Host }\n  - { name: PORT, label: Port, default: 8265, pattern: '^\\d+$' }"),
    );
    expect(errors).toEqual([]);
    expect(playbook?.inputs).toEqual([
      { name: "HOST", label: "Host", required: true, secret: false },
      { name: "PORT", label: "Port", default: "8265", required: false, secret: false, pattern: "^\\d+$" },
    ]);
  });
});

describe("symptoms tied to steps", () => {
  it("reads { text, step } entries as symptom text plus the step that diagnoses it", () => {
    const source =
      '---\ntitle: T\nsummary: S\nsymptoms:\n  - plain error text\n  - { text: "disk full", step: df }\n---\n' +
      step('id="df" title="Disk"');
    const { playbook, errors } = parsePlaybook("content/x.mdx", source);
    expect(errors).toEqual([]);
    expect(playbook?.symptoms).toEqual(["plain error text", "disk full"]);
    expect(playbook?.symptomSteps).toEqual({ "disk full": "df" });
  });
});
