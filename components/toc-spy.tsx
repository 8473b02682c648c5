"use client";
// Marks the table-of-contents entry for the part of the page being read. A scroll listener (one
// measurement per frame) is simpler and steadier here than IntersectionObserver, because sections
// are much taller than the viewport. Which entry: components/toc-current.ts.
import { useEffect } from "react";
import { READING_SLACK, readingIndex } from "./toc-current";

export function TocSpy({ container }: { container: string }) {
  useEffect(() => {
    const root = document.querySelector<HTMLElement>(container);
    if (!root) return;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const targets = links
      .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
      .filter((entry): entry is { link: HTMLAnchorElement; target: HTMLElement } => entry.target !== null);

    let frame = 0;
    function update() {
      frame = 0;
      const html = document.documentElement;
      // Where a followed link puts its target: one home for the offset, the page's scroll padding.
      const line = (parseFloat(getComputedStyle(html).scrollPaddingTop) || 0) + READING_SLACK;
      const linked = targets.findIndex(({ link }) => link.hash === window.location.hash);
      const index = readingIndex({
        tops: targets.map(({ target }) => target.getBoundingClientRect().top),
        line,
        linked: linked >= 0 ? linked : undefined,
        atEnd: window.scrollY + window.innerHeight >= html.scrollHeight - 2,
        viewportHeight: window.innerHeight,
      });
      const current = targets[index]?.link;
      for (const { link } of targets) {
        if (link === current) link.setAttribute("aria-current", "location");
        else link.removeAttribute("aria-current");
      }
      if (current) keepInView(root!, current);
    }
    function schedule() {
      if (!frame) frame = requestAnimationFrame(update);
    }
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    window.addEventListener("hashchange", schedule);
    return () => {
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      window.removeEventListener("hashchange", schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container]);
  return null;
}

/** Scrolls only the rail, never the page: scrollIntoView would also move (and, mid-way through a
 *  smooth scroll, stop) the window. */
function keepInView(rail: HTMLElement, link: HTMLElement) {
  const box = rail.getBoundingClientRect();
  const item = link.getBoundingClientRect();
  if (item.top < box.top) rail.scrollTop -= box.top - item.top;
  else if (item.bottom > box.bottom) rail.scrollTop += item.bottom - box.bottom;
}
