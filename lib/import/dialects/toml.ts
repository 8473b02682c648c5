// The top-level `key = value` pairs of a TOML document, which is all a Hugo `+++` frontmatter
// needs to give up its title, description and tags: strings (basic, literal, multi-line),
// arrays of them, numbers, booleans and dates. Tables and inline tables are skipped. A whole TOML
// library would parse more, but nothing the importer reads.
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", b: "\b", f: "\f" };

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) =>
    e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e),
  );
}

/** One value at the start of `text`; returns it and what is left after it. */
function value(text: string): { value: unknown; rest: string } | null {
  const t = text.trimStart();
  let m: RegExpExecArray | null;
  if ((m = /^"""([\s\S]*?)"""/.exec(t)))
    return { value: unescape(m[1]?.replace(/^\n/, "") ?? ""), rest: t.slice(m[0].length) };
  if ((m = /^'''([\s\S]*?)'''/.exec(t))) return { value: m[1]?.replace(/^\n/, "") ?? "", rest: t.slice(m[0].length) };
  if ((m = /^"((?:[^"\\\n]|\\.)*)"/.exec(t))) return { value: unescape(m[1] ?? ""), rest: t.slice(m[0].length) };
  if ((m = /^'([^'\n]*)'/.exec(t))) return { value: m[1] ?? "", rest: t.slice(m[0].length) };
  if (t.startsWith("[")) {
    const items: unknown[] = [];
    let rest = t.slice(1);
    for (;;) {
      rest = rest.replace(/^(\s|,|#[^\n]*)+/, "");
      if (rest.startsWith("]")) return { value: items, rest: rest.slice(1) };
      const item = value(rest);
      if (!item) return null;
      items.push(item.value);
      rest = item.rest;
    }
  }
  if ((m = /^(true|false)\b/.exec(t))) return { value: m[1] === "true", rest: t.slice(m[0].length) };
  if ((m = /^[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?(?![\d:T-])/.exec(t))) {
    return { value: Number(m[0].replace(/_/g, "")), rest: t.slice(m[0].length) };
  }
  if ((m = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:\d{2})?)?/.exec(t)))
    return { value: m[0], rest: t.slice(m[0].length) };
  return null;
}

export function parseTomlTopLevel(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  let rest = text;
  for (;;) {
    rest = rest.replace(/^(\s|#[^\n]*)+/, "");
    if (rest === "" || rest.startsWith("[")) return result; // a [table] ends the top level
    const key = /^("([^"]*)"|'([^']*)'|[\w.-]+)\s*=/.exec(rest);
    if (!key) return result;
    const parsed = value(rest.slice(key[0].length));
    const name = key[2] ?? key[3] ?? key[1] ?? "";
    if (!parsed) {
      rest = rest.slice(key[0].length).replace(/^[^\n]*/, ""); // an inline table or unknown value
      continue;
    }
    result[name] = parsed.value;
    rest = parsed.rest;
  }
}
