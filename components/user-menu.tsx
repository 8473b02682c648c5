// The signed-in user's name and role, the admin pages for admins, and sign-out, in a disclosure
// that opens without script.
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { DismissableDetails } from "./dismissable-details";
import { SignOutButton } from "./sign-out-button";

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

/** Pages only admins reach; the site navigation leaves them out, so the menu is their way in. */
const ADMIN_PAGES = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/alerts", label: "Alerts and notifications" },
] as const;

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <DismissableDetails className="user-menu">
      <summary aria-label={`Account: ${user.name}, ${user.role}`}>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-menu-name">{user.name}</span>
        <span className={`role-chip role-${user.role}`}>{user.role}</span>
      </summary>
      <div className="menu">
        <div className="menu-header">
          <div className="menu-name">{user.name}</div>
          <div className="menu-email">{user.email}</div>
          <div className="menu-role">
            Role: <strong>{user.role}</strong>
          </div>
        </div>
        <nav className="menu-section" aria-label="Account">
          <Link href="/account/tokens" className="menu-item">
            API tokens
          </Link>
        </nav>
        {hasRole(user, "admin") ? (
          <nav className="menu-section" aria-label="Admin">
            {ADMIN_PAGES.map((page) => (
              <Link key={page.href} href={page.href} className="menu-item">
                {page.label}
              </Link>
            ))}
          </nav>
        ) : null}
        <SignOutButton className="menu-item" />
      </div>
    </DismissableDetails>
  );
}
