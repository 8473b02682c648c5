import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { TagIcon } from "@/components/icons";
import { tagHref } from "@/components/tag-badge";
import { BrokenPlaybooksNotice } from "@/components/broken-playbooks-notice";
import { requireUser } from "@/lib/auth/session";
import { getContentIndex } from "@/lib/playbooks/content-index";
import { groupByTag, recentlyUpdated } from "@/lib/render/catalog";
import { formatRecency } from "@/lib/format/dates";

const MAX_GROUPS = 8;

export default async function HomePage() {
  await requireUser();
  const index = await getContentIndex();
  const playbooks = [...index.playbooks.values()];
  const groups = groupByTag(playbooks);
  // Tags shared by several playbooks are the useful groups; the rest are listed compactly.
  const shared = groups.filter((g) => g.playbooks.length > 1);
  const shown = (shared.length >= 3 ? shared : groups).slice(0, MAX_GROUPS);
  const more = groups.filter((g) => !shown.includes(g));
  const recent = recentlyUpdated(playbooks, 6);
  const stepCount = playbooks.reduce((n, p) => n + p.steps.length, 0);
  // Real symptoms make better examples than invented ones.
  const examples = recent
    .flatMap((p) => p.symptoms.slice(0, 1))
    .filter((s) => s.length <= 44)
    .slice(0, 3);

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">What&rsquo;s broken?</h1>
        <p className="hero-lead">
          Paste the error you are looking at. Casebook finds the playbook, and the step, that deals with it.
        </p>
        <SearchBox variant="large" />
        <p className="hero-hints">
          <span>
            Press <kbd>/</kbd> to search from anywhere
          </span>
          {examples.length > 0 ? (
            <span className="hero-examples">
              Try
              {examples.map((example) => (
                <Link key={example} href={`/search?q=${encodeURIComponent(example)}`} className="example-chip">
                  {example}
                </Link>
              ))}
            </span>
          ) : null}
        </p>
      </section>

      <BrokenPlaybooksNotice broken={index.broken} />

      {playbooks.length === 0 ? (
        <section className="empty-state">
          <h2>No playbooks yet</h2>
          <p>
            Add an <code>.mdx</code> file to <code>content/</code>; see <code>docs/playbook-format.md</code> for the
            format.
          </p>
        </section>
      ) : (
        <div className="home-grid">
          <section aria-labelledby="by-tag-title" className="home-panel">
            <div className="panel-head">
              <h2 id="by-tag-title">Playbooks by tag</h2>
              <span className="muted">
                {playbooks.length} playbooks · {stepCount} steps
              </span>
            </div>
            <div className="tag-groups">
              {shown.map((group) => (
                <div key={group.tag} className="tag-group">
                  <h3 className="tag-group-title">
                    <Link href={tagHref(group.tag)}>
                      <TagIcon size={13} />
                      {group.tag}
                    </Link>
                    <span className="count">{group.playbooks.length}</span>
                  </h3>
                  <ul>
                    {group.playbooks.map((p) => (
                      <li key={p.slug}>
                        <Link href={`/playbooks/${p.slug}`}>{p.title}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
            {more.length > 0 ? (
              <p className="more-tags">
                <span>Also tagged</span>
                {more.map((group) => (
                  <Link key={group.tag} href={tagHref(group.tag)} className="badge tag-badge">
                    {group.tag}
                    <span className="count">{group.playbooks.length}</span>
                  </Link>
                ))}
              </p>
            ) : null}
          </section>

          <section aria-labelledby="recent-title" className="home-panel">
            <div className="panel-head">
              <h2 id="recent-title">Recently updated</h2>
              <Link href="/playbooks" className="muted-link">
                All playbooks
              </Link>
            </div>
            <ol className="recent-list">
              {recent.map((p) => (
                <li key={p.slug}>
                  <Link href={`/playbooks/${p.slug}`} className="recent-title">
                    {p.title}
                  </Link>
                  <p className="recent-summary">{p.summary}</p>
                  <p className="recent-meta">
                    updated {formatRecency(p.updatedAt)} · {p.steps.length} steps
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}
