// @next/mdx looks here for the components of MDX compiled at build time: the help pages (app/help)
// and the docs they import. They are the playbooks' own prose components, with links between docs
// sent to the help pages.
import type { MDXComponents } from "mdx/types";
import { DocLink } from "@/components/help/doc-link";
import { proseComponents } from "@/components/mdx-components";

export function useMDXComponents(components: MDXComponents = {}): MDXComponents {
  return { ...proseComponents, a: DocLink, ...components };
}
