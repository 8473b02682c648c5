// A highlighted code block with a copy button. Used for every fenced block in a playbook (MDX's
// `pre`), so prose examples and step commands look and copy the same way. Long sample output
// starts collapsed (lib/render/sample-output.ts); a link into it opens it (hash-target.tsx).
import { Children, isValidElement, type ComponentProps, type ReactNode } from "react";
import { collapsedOutput } from "@/lib/render/sample-output";
import { CopyButton } from "./copy-button";

export function CodeBlock({ className, ...props }: ComponentProps<"pre">) {
  const block = (
    <div className="code-block" data-copy-root="">
      <pre className={["code-pre", className].filter(Boolean).join(" ")} {...props} />
      <CopyButton />
    </div>
  );
  const { lang, lines } = describeCode(props.children);
  const collapsed = collapsedOutput(lang, lines);
  if (!collapsed) return block;
  return (
    <details className="output-block">
      <summary>
        <span className="output-block-label">{collapsed.label}</span>
        {collapsed.preview ? <span className="output-block-first">{collapsed.preview}</span> : null}
      </summary>
      {block}
    </details>
  );
}

type WithChildren = { className?: string; children?: ReactNode };

/** The language and the text of each line of the highlighter's `<code>`: its class is
 *  `language-<lang>`, and each line is a `span.line`. */
function describeCode(children: ReactNode): { lang?: string; lines: string[] } {
  const code = Children.toArray(children).find(isValidElement);
  if (!code) return { lines: [] };
  const props = code.props as WithChildren;
  const lang = /(?:^|\s)language-(\S+)/.exec(props.className ?? "")?.[1];
  const lines = Children.toArray(props.children)
    .filter((c) => isValidElement(c) && (c.props as WithChildren).className === "line")
    .map(textOf);
  return { lang, lines };
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (isValidElement(node))
    return Children.toArray((node.props as WithChildren).children)
      .map(textOf)
      .join("");
  return "";
}
