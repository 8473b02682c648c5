import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { shellParser, type ParseShell } from "@/lib/playbooks/shell-parser";
import { variableUses } from "@/lib/playbooks/variable-uses";
import { fillVariables } from "./fill-variables";

let parse: ParseShell;
beforeAll(async () => {
  parse = await shellParser();
});

const fill = (code: string, values: Record<string, string>) => fillVariables(code, variableUses(parse, code), values);
const bash = (code: string, env: Record<string, string> = {}) =>
  execFileSync("bash", ["-c", code], {
    env: { NODE_ENV: "test", PATH: process.env.PATH, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

describe("variableUses", () => {
  it("finds $NAME and ${NAME} in words and double quotes, offsets past non-ASCII text", () => {
    const code = 'echo "é $A" ${B}-x';
    expect(variableUses(parse, code)).toEqual([
      { name: "A", start: 8, end: 10, quoted: true },
      { name: "B", start: 12, end: 16, quoted: false },
    ]);
  });

  it("leaves operators, arithmetic, subscripts, heredocs and single quotes alone", () => {
    const code = "echo ${A:-x} $(( $B + 1 )) '$C' ${#D}; (( $E > 1 )); a[$F]=1; cat <<EOF\n$G\nEOF\n";
    expect(variableUses(parse, code)).toEqual([]);
  });

  it("finds them inside command substitutions, assignments and tests", () => {
    const names = variableUses(parse, 'x=$A; echo "$(id -u $B)"; [[ $C == y ]]').map((u) => u.name);
    expect(names).toEqual(["A", "B", "C"]);
  });
});

describe("fillVariables", () => {
  const tricky = `it's "q" $HOME \`id\` \\ back !x`;

  it("writes values in so that bash reads them back as the variable would give them", () => {
    const code = `printf '[%s]\\n' "$V" "a $V b" "\${V}" $W --name=$W`;
    const env = { V: tricky, W: "plain-word_1.2" };
    const filled = fill(code, env);
    expect(filled).not.toContain("$V");
    expect(bash(filled)).toBe(bash(code, env));
  });

  it("quotes a bare value that needs it, as one word", () => {
    expect(fill("ls $DIR", { DIR: "my dir's" })).toBe(`ls 'my dir'\\''s'`);
    expect(bash(`printf '[%s]' ${fill("$X", { X: "a b" })}`)).toBe("[a b]");
    expect(fill("echo $X", { X: "" })).toBe("echo ''");
  });

  it("keeps $VAR for a name it has no value for", () => {
    expect(fill('echo "$SECRET" $KNOWN', { KNOWN: "1" })).toBe('echo "$SECRET" 1');
  });
});
