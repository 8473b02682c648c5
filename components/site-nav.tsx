"use client";
// Header navigation; marks the section the reader is in.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavLink } from "./nav-links";

export function SiteNav({ links }: { links: readonly Pick<NavLink, "href" | "label">[] }) {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="Main">
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link key={link.href} href={link.href} aria-current={current ? "page" : undefined}>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
