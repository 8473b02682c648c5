// The header's navigation. Other areas (runs, incidents, hosts) add their entry here.
import type { Role } from "@/lib/auth/roles";

export interface NavLink {
  href: string;
  label: string;
  /** Hidden from users below this role. */
  minRole?: Role;
}

export const NAV_LINKS: NavLink[] = [
  { href: "/playbooks", label: "Playbooks" },
  { href: "/tags", label: "Tags" },
  { href: "/incidents", label: "Incidents" },
  { href: "/drafts", label: "Drafts", minRole: "operator" },
  { href: "/runs", label: "Runs" },
  { href: "/hosts", label: "Hosts" },
  { href: "/admin/audit", label: "Audit", minRole: "admin" },
  { href: "/help", label: "Help" },
];
