// Reads a JSX attribute expression such as `{{ exit: 0, match: "x" }}` as plain data by walking its
// estree. Nothing is evaluated: anything but literals, arrays and plain objects is refused, so a
// playbook cannot smuggle code into the parser.
import type { Expression, Node as EstreeNode, Program } from "estree";

export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue };

export type StaticResult =
  { ok: true; value: StaticValue } | { ok: false; message: string; line?: number; column?: number };

const NOT_STATIC =
  "must be a literal value (text, a number, true/false, a list or { key: value }); playbooks cannot run code";

/** The value of the single expression in `program`. Positions in failures are 1-based file positions. */
export function readStaticProgram(program: Program | null | undefined): StaticResult {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type !== "ExpressionStatement") return { ok: false, message: NOT_STATIC };
  return readStaticExpression(statement.expression);
}

function readStaticExpression(node: Expression): StaticResult {
  switch (node.type) {
    case "Literal":
      if ("regex" in node && node.regex) {
        return fail(
          node,
          'cannot hold a regular expression literal; write the pattern as text, e.g. match: "ver\\\\d+"',
        );
      }
      if ("bigint" in node && node.bigint) return fail(node, NOT_STATIC);
      return { ok: true, value: node.value as string | number | boolean | null };
    case "TemplateLiteral":
      if (node.expressions.length > 0)
        return fail(node, "cannot use ${...} in a template literal; playbooks cannot run code");
      return { ok: true, value: node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join("") };
    case "UnaryExpression":
      if (
        (node.operator === "-" || node.operator === "+") &&
        node.argument.type === "Literal" &&
        typeof node.argument.value === "number"
      ) {
        return { ok: true, value: node.operator === "-" ? -node.argument.value : node.argument.value };
      }
      return fail(node, NOT_STATIC);
    case "ArrayExpression": {
      const values: StaticValue[] = [];
      for (const element of node.elements) {
        if (!element || element.type === "SpreadElement") return fail(element ?? node, NOT_STATIC);
        const result = readStaticExpression(element);
        if (!result.ok) return result;
        values.push(result.value);
      }
      return { ok: true, value: values };
    }
    case "ObjectExpression": {
      const object: { [key: string]: StaticValue } = {};
      for (const property of node.properties) {
        if (property.type !== "Property" || property.computed || property.method || property.kind !== "init") {
          return fail(property, NOT_STATIC);
        }
        const key =
          property.key.type === "Identifier"
            ? property.key.name
            : property.key.type === "Literal"
              ? String(property.key.value)
              : undefined;
        if (key === undefined || property.shorthand) return fail(property, NOT_STATIC);
        if (Object.hasOwn(object, key)) return fail(property, `gives "${key}" twice`);
        const result = readStaticExpression(property.value as Expression);
        if (!result.ok) return result;
        object[key] = result.value;
      }
      return { ok: true, value: object };
    }
    default:
      return fail(node, NOT_STATIC);
  }
}

function fail(node: EstreeNode, message: string): StaticResult {
  // acorn columns are 0-based; editors count from 1.
  const start = node.loc?.start;
  return start ? { ok: false, message, line: start.line, column: start.column + 1 } : { ok: false, message };
}
