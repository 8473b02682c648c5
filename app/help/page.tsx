import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/help/help.module.css";
import { requireUser } from "@/lib/auth/session";
import { HELP_PAGES, helpHref } from "@/lib/help/help-pages";
import Overview from "./overview.mdx";

export const metadata: Metadata = { title: "Help" };

export default async function HelpIndexPage() {
  await requireUser();
  return (
    <div className="page page-narrow">
      <article className={`prose ${styles.article}`}>
        <Overview />
      </article>
      <ul className={styles.topics}>
        {HELP_PAGES.map((page) => (
          <li key={page.slug}>
            <Link className={styles.topic} href={helpHref(page.slug)}>
              <p className={styles.topicTitle}>{page.title}</p>
              <p className={styles.topicSummary}>{page.summary}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
