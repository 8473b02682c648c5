// A remark plugin that keeps playbook MDX to what Casebook can render: no import/export, and no
// capitalised component other than the ones we provide. Without it, an unknown component fails
// only at render time with no line number; here it fails at compile time with file:line.
import type { Root } from "mdast";

interface MdNode {
  type: string;
  name?: string | null;
  position?: { start: { line: number; column: number } };
  children?: MdNode[];
}

interface FailingFile {
  fail(reason: string, place: { line: number; column: number } | undefined): never;
}

export function remarkMdxGuards(options: { components: readonly string[] }) {
  const allowed = new Set(options.components);
  return (tree: Root, file: FailingFile) => {
    const visit = (node: MdNode) => {
      if (node.type === "mdxjsEsm") {
        file.fail("import and export are not allowed in playbooks; use the built-in components", node.position?.start);
      }
      const isJsx = node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
      if (isJsx && node.name && /^[A-Z]/.test(node.name) && !allowed.has(node.name)) {
        file.fail(
          `unknown component <${node.name}>; playbooks may use ${[...allowed].map((c) => `<${c}>`).join(", ")}`,
          node.position?.start,
        );
      }
      node.children?.forEach(visit);
    };
    visit(tree as MdNode);
  };
}
