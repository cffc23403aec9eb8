"use client";

import { useTranslations } from "next-intl";
import { READING_PAGES_CACHE } from "@/lib/offline/cache-names";
import { NavIcon, navIcons } from "./nav-icon";

// What this browser keeps for the signed-in person: summary drafts and closing-remarks drafts.
const DRAFT_PREFIXES = ["yomikai:summary:", "yomikai.remarks."];

function draftKeys(): string[] {
  try {
    return Object.keys(window.localStorage).filter((k) =>
      DRAFT_PREFIXES.some((p) => k.startsWith(p)),
    );
  } catch {
    return [];
  }
}

/**
 * Signs out, leaving nothing of the person on a shared computer: the reading pages kept for
 * offline use and the drafts. Drafts hold text the server has not acknowledged yet, so signing
 * out with some asks first.
 */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  const t = useTranslations("nav");
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const drafts = draftKeys();
        if (drafts.length > 0 && !window.confirm(t("signOutWithDrafts"))) {
          e.preventDefault();
          return;
        }
        for (const k of drafts) window.localStorage.removeItem(k);
        if ("caches" in window) void window.caches.delete(READING_PAGES_CACHE);
      }}
    >
      <button
        type="submit"
        title={label}
        className="grid min-h-10 min-w-10 place-items-center rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100"
      >
        <NavIcon d={navIcons.signOut} />
        <span className="sr-only sm:not-sr-only">{label}</span>
      </button>
    </form>
  );
}
