"use client";

// Client components read their messages from here. Each locale's catalog is a module of the build
// (catalog-en, catalog-ja) loaded as its own chunk, so the browser fetches only its language once
// and caches it, and a page's HTML and RSC payload carry only the viewer's data — the server no
// longer serialises the ~30 KB catalog into every response. The chunk is preloaded from the page's
// head (next/dynamic renders on the server and marks its chunk), so hydration does not wait on a
// second round trip.
import dynamic from "next/dynamic";
import type { ReactNode } from "react";

const catalogs = {
  en: dynamic(() => import("./catalog-en")),
  ja: dynamic(() => import("./catalog-ja")),
};

export function Catalog({
  locale,
  timeZone,
  children,
}: {
  locale: keyof typeof catalogs;
  timeZone: string;
  children: ReactNode;
}) {
  const Provider = catalogs[locale];
  return <Provider timeZone={timeZone}>{children}</Provider>;
}
