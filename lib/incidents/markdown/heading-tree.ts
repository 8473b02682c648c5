// A Markdown document as a tree of headings, for reading write-ups that Casebook did not produce.

import { fenceMask } from "./lines";

export interface HeadingNode {
  level: number; // 0 for the document itself
  title: string;
  line: number; // 1-based line of the heading (0 for the document)
  /** Lines between the heading and its first child heading. */
  own: string[];
  ownStart: number; // 1-based line of own[0]
  children: HeadingNode[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

export function headingTree(source: string): HeadingNode {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const mask = fenceMask(lines);
  const root: HeadingNode = { level: 0, title: "", line: 0, own: [], ownStart: 1, children: [] };
  const stack: HeadingNode[] = [root];
  let current = root;
  lines.forEach((line, i) => {
    const m = mask[i] ? null : HEADING.exec(line);
    if (!m?.[1]) {
      current.own.push(line);
      return;
    }
    const node: HeadingNode = {
      level: m[1].length,
      title: (m[2] ?? "").trim(),
      line: i + 1,
      own: [],
      ownStart: i + 2,
      children: [],
    };
    while ((stack.at(-1)?.level ?? 0) >= node.level) stack.pop();
    (stack.at(-1) ?? root).children.push(node);
    stack.push(node);
    current = node;
  });
  return root;
}

/** The node's heading and everything under it, as written. */
export function nodeLines(node: HeadingNode): string[] {
  const head = node.level > 0 ? [`${"#".repeat(node.level)} ${node.title}`] : [];
  return [...head, ...node.own, ...node.children.flatMap(nodeLines)];
}

/** Everything under the heading, without the heading line itself. */
export function nodeBody(node: HeadingNode): string[] {
  return [...node.own, ...node.children.flatMap(nodeLines)];
}
