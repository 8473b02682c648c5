// One search hit: the playbook, which part matched (deep-linked), the matching text, and what the
// page shows with it (past incidents).
import Link from "next/link";
import type { ReactNode } from "react";
import type { SearchMatch } from "@/lib/search/types";
import { splitHighlights } from "@/lib/render/highlight-ranges";
import { TagList } from "./tag-badge";

export interface SearchResultView {
  title: string;
  summary: string;
  tags: string[];
  match: SearchMatch;
}

export function Snippet({ text, highlights }: { text: string; highlights: ReadonlyArray<readonly [number, number]> }) {
  return (
    <>
      {splitHighlights(text, highlights).map((piece, i) =>
        piece.highlighted ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
      )}
    </>
  );
}

export function SearchResult({
  result,
  rank,
  children,
}: {
  result: SearchResultView;
  rank: number;
  /** Shown with the result, e.g. the past incidents that concern this playbook. */
  children?: ReactNode;
}) {
  const { match } = result;
  return (
    <li className="search-result">
      <h2 className="search-result-title">
        <Link href={match.href} data-rank={rank}>
          {result.title}
        </Link>
      </h2>
      <p className="search-result-where">
        <Link href={match.href} tabIndex={-1}>
          <span className={`part-chip part-${match.part}`}>{match.part}</span>
          {match.label.toLowerCase() === match.part.toLowerCase() ? null : (
            <span className="search-result-label">{match.label}</span>
          )}
        </Link>
      </p>
      {match.snippet ? (
        <p className="search-result-snippet">
          <Snippet text={match.snippet} highlights={match.highlights} />
        </p>
      ) : null}
      <p className="search-result-summary">{result.summary}</p>
      <TagList tags={result.tags} />
      {children}
    </li>
  );
}
