// A tag that links to its tag page.
import Link from "next/link";

export function tagHref(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`;
}

export function TagBadge({ tag }: { tag: string }) {
  return (
    <Link href={tagHref(tag)} className="badge tag-badge">
      {tag}
    </Link>
  );
}

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <TagBadge tag={tag} />
        </li>
      ))}
    </ul>
  );
}
