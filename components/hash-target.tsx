"use client";
// Shows the reader where a link sent them: the element the URL's #hash names (a step from a search
// result or a symptom, a section from the table of contents) is opened if it sits in a collapsed
// part of the page, scrolled to, and highlighted. On first load and on every in-page hash change;
// CSS :target alone misses client-side navigations, which change the URL without a hashchange.
import { useEffect } from "react";

export const HASH_TARGET_ATTRIBUTE = "data-hash-target";

export function HashTarget() {
  useEffect(() => {
    let shown: Element | null = null;
    function show() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (target === shown) return;
      shown?.removeAttribute(HASH_TARGET_ATTRIBUTE);
      shown = target;
      if (!target) return;
      const opened = openAround(target);
      target.setAttribute(HASH_TARGET_ATTRIBUTE, "");
      // The browser scrolled before the collapsed parts opened (or before hydration moved things);
      // scroll again. scroll-behavior (smooth unless reduced motion is asked for) comes from CSS.
      if (opened || !inPlace(target)) target.scrollIntoView({ block: "start" });
    }
    // Links handled by the router change the URL without a hashchange event: look after the click.
    function afterClick(event: MouseEvent) {
      if ((event.target as Element | null)?.closest?.('a[href*="#"]')) requestAnimationFrame(show);
    }
    show();
    window.addEventListener("hashchange", show);
    window.addEventListener("popstate", show);
    document.addEventListener("click", afterClick);
    return () => {
      window.removeEventListener("hashchange", show);
      window.removeEventListener("popstate", show);
      document.removeEventListener("click", afterClick);
      shown?.removeAttribute(HASH_TARGET_ATTRIBUTE);
    };
  }, []);
  return null;
}

/** Opens the <details> the target sits in, and those it holds directly (a collapsed section whose
 *  heading is the target). True when anything opened, which moves what follows. */
function openAround(target: HTMLElement): boolean {
  let opened = false;
  const open = (d: HTMLDetailsElement) => {
    if (!d.open) {
      d.open = true;
      opened = true;
    }
  };
  for (let el = target.parentElement; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) open(el);
  if (target instanceof HTMLDetailsElement) open(target);
  for (const d of target.querySelectorAll<HTMLDetailsElement>(":scope > details")) open(d);
  return opened;
}

/** The target's top is about where a followed link puts it, under the sticky header. */
function inPlace(target: HTMLElement): boolean {
  const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  return Math.abs(target.getBoundingClientRect().top - padding) < 4;
}
