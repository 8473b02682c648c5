// Tells readers (and authors) that some playbooks failed to load, and links to the reasons.
import Link from "next/link";
import { helpHref } from "@/lib/help/help-pages";
import type { ContentError } from "@/lib/playbooks/types";
import { AlertIcon } from "./icons";

export function BrokenPlaybooksNotice({ broken }: { broken: ReadonlyMap<string, ContentError[]> }) {
  if (broken.size === 0) return null;
  const slugs = [...broken.keys()].sort();
  return (
    <aside className="notice notice-warning" aria-label="Playbooks that failed to load">
      <AlertIcon />
      <p>
        {slugs.length === 1 ? "1 playbook" : `${slugs.length} playbooks`} could not be loaded:{" "}
        {slugs.map((slug, i) => (
          <span key={slug}>
            {i > 0 ? ", " : ""}
            <Link href={`/playbooks/${slug}`}>{slug}</Link>
          </span>
        ))}
        . Everything else works. Each page says what is wrong;{" "}
        <Link href={helpHref("playbook-format")}>the playbook format</Link> says how it should be.
      </p>
    </aside>
  );
}
