// The bar on every page: the mark, navigation, search, theme and the signed-in user.
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { HeaderSearch } from "./header-search";
import { LogoMark } from "./logo";
import { NAV_LINKS } from "./nav-links";
import { SiteNav } from "./site-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  const links = user ? NAV_LINKS.filter((link) => !link.minRole || hasRole(user, link.minRole)) : [];
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand" aria-label="Casebook home">
          <LogoMark size={24} />
          <span className="brand-name">Casebook</span>
        </Link>
        {links.length > 0 ? <SiteNav links={links.map(({ href, label }) => ({ href, label }))} /> : null}
        <div className="site-header-end">
          {user ? <HeaderSearch /> : null}
          <ThemeToggle />
          {user ? <UserMenu user={user} /> : null}
        </div>
      </div>
    </header>
  );
}
