// The frame of a help page: the trail back to the help index, the doc as prose, and where its text
// lives, so an author who finds a mistake knows which file to fix.
import type { ReactNode } from "react";
import { Breadcrumb } from "@/components/breadcrumb";
import { HELP_ROOT, type HelpPage } from "@/lib/help/help-pages";
import styles from "./help.module.css";

export function HelpArticle({ page, children }: { page: HelpPage; children: ReactNode }) {
  return (
    <div className="page page-narrow">
      <Breadcrumb trail={[{ href: HELP_ROOT, label: "Help" }]} current={page.title} />
      <article className={`prose ${styles.article}`}>{children}</article>
      <p className={styles.source}>
        This page is <code>docs/{page.doc}</code> in the repository.
      </p>
    </div>
  );
}
