// One search hit: the playbook, which part matched (deep-linked), and the matching text.
import Link from "next/link";
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
      {splitHighlights(text, highlights).map((piece, i) => (piece.highlighted ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </>
  );
}

export function SearchResult({ result, rank }: { result: SearchResultView; rank: number }) {
  const { match } = result;
  return (
    <li className="search-result">
      <h2 className="search-result-title">
        <Link href={match.href} data-rank={rank}>
          {result.title}
        </Link>
      </h2>
      <p className="search-result-where">
        <span className={`part-chip part-${match.part}`}>{match.part}</span>
        <Link href={match.href} tabIndex={-1}>
          {match.label}
        </Link>
      </p>
      {match.snippet ? (
        <p className="search-result-snippet">
          <Snippet text={match.snippet} highlights={match.highlights} />
        </p>
      ) : null}
      <div className="search-result-meta">
        <span className="search-result-summary">{result.summary}</span>
        <TagList tags={result.tags} />
      </div>
    </li>
  );
}
