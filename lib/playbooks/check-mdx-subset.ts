// The renderer evaluates MDX, so a playbook may use only a small, safe subset of it: Markdown, the
// components Step and Callout, and {/* comments */}. No imports, exports or JavaScript expressions.
import type { Problem } from "./content-error";
import { CALLOUT_ATTRIBUTES, CALLOUT_TYPES, COMPONENTS } from "./format";
import { hasChildren, isJsxElement, startOf, type JsxElement, type MdxNode } from "./mdx-tree";

const COMPONENT_LIST = COMPONENTS.join(" and ");

export function checkMdxSubset(node: MdxNode, problems: Problem[] = [], depth = 0): Problem[] {
  const here = (message: string, at: { position?: MdxNode["position"] } = node): void => {
    problems.push({ ...startOf(at), message });
  };

  if (node.type === "mdxjsEsm") {
    here(`import and export statements are not allowed in playbooks (${COMPONENT_LIST} are always available)`);
  } else if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
    // A comment-only expression parses to an empty program.
    const program = node.data?.estree;
    if (!program || program.body.length > 0) {
      here(`{${abbreviate(node.value)}}: JavaScript expressions are not allowed in playbooks; only {/* comments */}`);
    }
  } else if (isJsxElement(node)) {
    checkElement(node, depth, here);
  }

  if (hasChildren(node)) {
    for (const child of node.children as MdxNode[]) checkMdxSubset(child, problems, depth + 1);
  }
  return problems;
}

function checkElement(
  element: JsxElement,
  depth: number,
  here: (message: string, at?: { position?: MdxNode["position"] }) => void,
) {
  const name = element.name;
  if (name === null) {
    here(`fragments (<>...</>) are not allowed; use ${COMPONENT_LIST}`);
  } else if (!(COMPONENTS as readonly string[]).includes(name)) {
    here(
      `<${name}> is not allowed: playbooks may use only the components ${COMPONENT_LIST} ` +
        "(and Markdown for everything else)",
    );
  } else if (name === "Step" && element.type === "mdxJsxTextElement") {
    here("<Step> must start on a line of its own, with its code block on the lines below");
  } else if (name === "Step" && depth !== 1) {
    here("<Step> must sit at the top level of the playbook, not inside a list, quote or another component");
  } else if (name === "Callout") {
    checkCallout(element, here);
  }
}

function checkCallout(element: JsxElement, here: (message: string, at?: { position?: MdxNode["position"] }) => void) {
  for (const attribute of element.attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute") {
      here(
        `Callout: {${abbreviate(attribute.value)}} is not allowed; write attributes as type="warning" title="..."`,
        attribute,
      );
      continue;
    }
    if (!(CALLOUT_ATTRIBUTES as readonly string[]).includes(attribute.name)) {
      here(`Callout: unknown attribute "${attribute.name}" (allowed: ${CALLOUT_ATTRIBUTES.join(", ")})`, attribute);
    } else if (typeof attribute.value !== "string") {
      here(`Callout: ${attribute.name} must be written as ${attribute.name}="..."`, attribute);
    } else if (attribute.name === "type" && !(CALLOUT_TYPES as readonly string[]).includes(attribute.value)) {
      here(`Callout: unknown type "${attribute.value}" (allowed: ${CALLOUT_TYPES.join(", ")})`, attribute);
    }
  }
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}
