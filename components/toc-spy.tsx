"use client";
// Marks the table-of-contents entry for the part of the page being read. A scroll listener (one
// measurement per frame) is simpler and steadier here than IntersectionObserver, because sections
// are much taller than the viewport.
import { useEffect } from "react";

const READING_LINE = 120; // px below the top of the viewport, under the sticky header

export function TocSpy({ container }: { container: string }) {
  useEffect(() => {
    const root = document.querySelector(container);
    if (!root) return;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const targets = links
      .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
      .filter((entry): entry is { link: HTMLAnchorElement; target: HTMLElement } => entry.target !== null);

    let frame = 0;
    function update() {
      frame = 0;
      let current: HTMLAnchorElement | undefined;
      for (const { link, target } of targets) {
        if (target.getBoundingClientRect().top <= READING_LINE) current = link;
      }
      for (const { link } of targets) {
        if (link === current) link.setAttribute("aria-current", "location");
        else link.removeAttribute("aria-current");
      }
      current?.scrollIntoView({ block: "nearest" });
    }
    function schedule() {
      if (!frame) frame = requestAnimationFrame(update);
    }
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container]);
  return null;
}
