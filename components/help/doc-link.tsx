// A link inside a help page. The docs link to each other by file name (agent.md), as GitHub shows
// them; in the app those links go to the help pages (lib/help/help-pages.ts).
import Link from "next/link";
import type { ComponentProps } from "react";
import { docLinkTarget } from "@/lib/help/help-pages";

export function DocLink({ href = "", children, ...rest }: ComponentProps<"a">) {
  const target = docLinkTarget(href);
  if (target.kind === "help") {
    return (
      <Link href={target.href} {...rest}>
        {children}
      </Link>
    );
  }
  if (target.kind === "doc") return <span title={`${target.doc} in the repository`}>{children}</span>;
  return (
    <a href={target.href} {...rest}>
      {children}
    </a>
  );
}
