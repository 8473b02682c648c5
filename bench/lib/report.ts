import fs from "node:fs";

const FILE = "docs/benchmarks.md";

/** Replaces (or appends) one named section of docs/benchmarks.md, leaving the others as they are. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let doc = fs.existsSync(FILE)
    ? fs.readFileSync(FILE, "utf8")
    : "# Benchmarks\n\nMeasured by `npm run bench` and `npm run bench:stream` on this project's 2-core machine.\n";
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  doc =
    from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, doc);
}
