"use client";

// A long list of links (a group's meetings and members) rendered as plain server-side anchors, with
// one client boundary around the list instead of a client `<Link>` per row. A plain click on any
// anchor inside navigates in the app (no full reload), and the target is prefetched when the pointer
// or focus reaches it. Before hydration, and for new-tab clicks, the anchors work as ordinary links.
// Per-row `<Link>`s made every row a client element the server serialised, rendered to HTML and the
// browser hydrated: the group page carried 61 of them.
import { useRouter } from "next/navigation";
import type { FocusEvent, MouseEvent, PointerEvent, ReactNode } from "react";

/** The in-app path an event's anchor leads to, or null when the browser should handle it. */
export function softTarget(
  anchor: HTMLAnchorElement | null,
  here: string,
  event?: Pick<MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey">,
): string | null {
  if (!anchor) return null;
  if (
    event &&
    (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
  )
    return null;
  const target = anchor.getAttribute("target");
  if ((target && target !== "_self") || anchor.hasAttribute("download")) return null;
  const href = anchor.getAttribute("href");
  if (!href || href.startsWith("#")) return null;
  const url = new URL(href, here);
  const origin = new URL(here).origin;
  if (url.origin !== origin) return null;
  return url.pathname + url.search + url.hash;
}

const anchorOf = (node: EventTarget | null): HTMLAnchorElement | null =>
  node instanceof Element ? node.closest("a[href]") : null;

export function SoftLinks({
  children,
  className,
  testId,
}: {
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const router = useRouter();
  const prefetch = (event: PointerEvent | FocusEvent) => {
    const path = softTarget(anchorOf(event.target), window.location.href);
    if (path) router.prefetch(path);
  };
  return (
    <div
      className={className}
      data-testid={testId}
      onClick={(event) => {
        if (event.defaultPrevented) return;
        const path = softTarget(anchorOf(event.target), window.location.href, event);
        if (!path) return;
        event.preventDefault();
        router.push(path);
      }}
      onPointerOver={prefetch}
      onFocus={prefetch}
    >
      {children}
    </div>
  );
}
