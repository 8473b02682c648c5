"use client";
// The header's search box, left out on pages that already show the large one. Phones get an icon
// that opens the search page instead of a squeezed field.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SearchIcon } from "./icons";
import { SearchBox } from "./search-box";

const PAGES_WITH_THEIR_OWN = new Set(["/", "/search"]);

export function HeaderSearch() {
  const pathname = usePathname();
  if (PAGES_WITH_THEIR_OWN.has(pathname)) return null;
  return (
    <>
      <SearchBox variant="compact" />
      <Link href="/search" className="icon-button search-icon-link" aria-label="Search">
        <SearchIcon />
      </Link>
    </>
  );
}
