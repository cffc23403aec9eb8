"use client";

import { READING_PAGES_CACHE } from "@/lib/offline/cache-names";

/** Signs out; first forgets the reading pages this browser kept for offline use. */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  return (
    <form
      action={action}
      onSubmit={() => {
        if ("caches" in window) void window.caches.delete(READING_PAGES_CACHE);
      }}
    >
      <button type="submit" className="rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
