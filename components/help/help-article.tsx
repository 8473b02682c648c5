// The frame of a help page, laid out like a playbook: the doc as prose with its table of contents
// (a rail on wide screens, a fold on narrow ones), and where its text lives, so an author who finds
// a mistake knows which file to fix.
import type { MDXContent } from "mdx/types";
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { Breadcrumb } from "@/components/breadcrumb";
import { TableOfContents, TocRail } from "@/components/toc";
import { HELP_ROOT, type HelpPage } from "@/lib/help/help-pages";
import { useMDXComponents } from "@/mdx-components";
import { docToc } from "./doc-toc";
import styles from "./help.module.css";

/** `children` follow the doc, in the article but outside its prose (the API reference on /help/api). */
export function HelpArticle({ page, Doc, children }: { page: HelpPage; Doc: MDXContent; children?: ReactNode }) {
  // Run here rather than as <Doc />, so the headings can be read for the table of contents.
  const components = useMDXComponents();
  const rendered = Doc({ components }) as ReactElement<{ children?: ReactNode }>;
  const blocks = Children.toArray(rendered.props.children);
  const afterTitle = blocks.findIndex((block) => isValidElement(block) && block.type === "h1") + 1;
  const contents = (
    <TableOfContents entries={docToc(blocks)} hasSymptoms={false} hasInputs={false} hasLearnings={false} />
  );

  return (
    <div className="page playbook-layout">
      <article className="playbook">
        <Breadcrumb trail={[{ href: HELP_ROOT, label: "Help" }]} current={page.title} />
        <div className={`prose ${styles.article}`}>
          {blocks.slice(0, afterTitle)}
          <details className="toc-inline">
            <summary>On this page</summary>
            {contents}
          </details>
          {blocks.slice(afterTitle)}
        </div>
        {children}
        <p className={styles.source}>
          This page is <code>docs/{page.doc}</code> in the repository.
        </p>
      </article>
      <TocRail>{contents}</TocRail>
    </div>
  );
}
