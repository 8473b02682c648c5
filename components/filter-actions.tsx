import Link from "next/link";

/** The end of a GET filter form: submit, and a way back to the unfiltered list when filtered. */
export function FilterActions({ clearHref, filtered }: { clearHref: string; filtered: boolean }) {
  return (
    <>
      <button type="submit" className="button">
        Filter
      </button>
      {filtered ? (
        <Link href={clearHref} className="muted-link">
          Clear
        </Link>
      ) : null}
    </>
  );
}
