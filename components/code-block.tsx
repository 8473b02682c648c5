// A highlighted code block with a copy button. Used for every fenced block in a playbook (MDX's
// `pre`), so prose examples and step commands look and copy the same way.
import type { ComponentProps } from "react";
import { CopyButton } from "./copy-button";

export function CodeBlock({ className, ...props }: ComponentProps<"pre">) {
  return (
    <div className="code-block" data-copy-root="">
      <pre className={["code-pre", className].filter(Boolean).join(" ")} {...props} />
      <CopyButton />
    </div>
  );
}
