"use client";
// Header navigation; marks the section the reader is in. At narrow widths the links fold behind a
// menu button (a disclosure: aria-expanded, Escape, a click outside and navigating close it); wide,
// CSS hides the button and the links sit in the bar.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { CrossIcon, MenuIcon } from "./icons";
import type { NavLink } from "./nav-links";

export function SiteNav({ links }: { links: readonly Pick<NavLink, "href" | "label">[] }) {
  const pathname = usePathname();
  // The page the menu was opened on: reaching another page closes it, however the reader got there.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  const menuId = useId();
  const nav = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    close();
    toggle.current?.focus();
  }

  // Tabbing on from the last link leaves the menu, which closes rather than cover the page. Focus
  // going nowhere (a click on the page, or on the button in Safari) is the pointer handler's.
  function onBlur(event: FocusEvent) {
    const to = event.relatedTarget as Node | null;
    if (open && to && !event.currentTarget.contains(to)) close();
  }

  return (
    <nav ref={nav} className="site-nav" aria-label="Main" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggle}
        type="button"
        className="site-nav-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {open ? <CrossIcon /> : <MenuIcon />}
        Menu
      </button>
      <ul id={menuId} className="site-nav-links" data-open={open || undefined}>
        {links.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined} onClick={close}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
