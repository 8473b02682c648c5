"use client";
// The header's search box, left out on pages that already show the large one.
import { usePathname } from "next/navigation";
import { SearchBox } from "./search-box";

const PAGES_WITH_THEIR_OWN = new Set(["/", "/search"]);

export function HeaderSearch() {
  const pathname = usePathname();
  if (PAGES_WITH_THEIR_OWN.has(pathname)) return null;
  return <SearchBox variant="compact" />;
}
