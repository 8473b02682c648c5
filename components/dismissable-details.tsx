"use client";
// A <details> dropdown that also closes on Escape, on a click outside it and on following a link in
// it, as menus do.
import { useEffect, useRef, type ReactNode } from "react";

export function DismissableDetails({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function close(event: Event) {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    }
    // The details outlives a client-side navigation (it is in the layout): following a link in it closes it.
    function followed(event: MouseEvent) {
      const details = ref.current;
      if (details && event.target instanceof Element && event.target.closest("a")) details.open = false;
    }
    const details = ref.current;
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    details?.addEventListener("click", followed);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
      details?.removeEventListener("click", followed);
    };
  }, []);
  return (
    <details ref={ref} className={className}>
      {children}
    </details>
  );
}
