import { describe, expect, it } from "vitest";
import { formatContentError } from "./content-error";
import { parsePlaybook } from "./parse-playbook";
import { captureNames, groupNames } from "./step-captures";

// Four lines of frontmatter, so the body of every case below starts on line 5.
const HEAD = "---\ntitle: T\nsummary: S\n---\n";
const WITH_INPUT = "---\ntitle: T\nsummary: S\ninputs:\n  - { name: HOST, label: Host }\n---\n";
const step = (attributes: string) => `<Step id="a" title="A" ${attributes}>\n\`\`\`bash\necho hi\n\`\`\`\n</Step>\n`;

function parse(source: string) {
  const result = parsePlaybook("content/x.mdx", source);
  return { step: result.playbook?.steps[0], errors: result.errors.map(formatContentError) };
}

describe("the capture attributes", () => {
  it("read a regex written as text, backslashes as written", () => {
    const { step: read, errors } = parse(HEAD + step(String.raw`capture="podman version (?<PODMAN_VERSION>\S+)"`));
    expect(errors).toEqual([]);
    expect(read?.capture).toEqual({ patterns: [String.raw`podman version (?<PODMAN_VERSION>\S+)`], secret: [] });
  });

  it("read a list of regexes, the last line and the secret names", () => {
    const attributes =
      String.raw`capture={["user=(?<USER_NAME>\\w+)", "id (?<UID>\\d+)"]} ` +
      'captureLastLine="TOKEN" captureSecret="TOKEN"';
    const { step: read, errors } = parse(HEAD + step(attributes));
    expect(errors).toEqual([]);
    expect(read?.capture).toEqual({
      patterns: [String.raw`user=(?<USER_NAME>\w+)`, String.raw`id (?<UID>\d+)`],
      lastLine: "TOKEN",
      secret: ["TOKEN"],
    });
    expect(captureNames(read?.capture)).toEqual(["USER_NAME", "UID", "TOKEN"]);
  });

  it("leave a step without them with no capture", () => {
    expect(parse(HEAD + step("")).step?.capture).toBeUndefined();
  });

  it.each([
    ['capture="v(?<V"', "capture /v(?<V/ is not a valid regex: Invalid regular expression"],
    [String.raw`capture="version (\S+)"`, String.raw`capture /version (\S+)/ has no named group`],
    [String.raw`capture="(?<version>\S+)"`, 'capture group "version" must be UPPER_SNAKE_CASE'],
    ['capture="(?<A>x)" captureLastLine="A"', 'captures "A" twice'],
    ['captureLastLine="last-line"', 'captureLastLine "last-line" must be UPPER_SNAKE_CASE'],
    ['captureLastLine="OUT" captureSecret="TOKEN"', 'captureSecret names "TOKEN", which this step does not capture'],
    ["capture={42}", "capture must be a regex written as text"],
  ])("reject %s, naming the file and line", (attributes, message) => {
    const { errors } = parse(HEAD + step(attributes));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/x\.mdx:5:\d+: Step "a": /);
    expect(errors[0]).toContain(message);
  });

  it("reject a name that is a declared input, on the attribute's line", () => {
    const { errors } = parse(WITH_INPUT + "\n" + step(String.raw`captureLastLine="HOST"`));
    expect(errors).toEqual([
      'content/x.mdx:8:24: Step "a": captures "HOST", which is already a declared input (pick another name)',
    ]);
  });
});

describe("groupNames", () => {
  it("lists named groups, not lookbehinds or plain groups", () => {
    expect(groupNames(String.raw`(?<=v)(?<MAJOR>\d+)\.(\d+)(?<!x)(?:-(?<PRE>\w+))?`)).toEqual(["MAJOR", "PRE"]);
  });
});
