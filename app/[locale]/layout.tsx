import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { routing } from "@/lib/i18n/routing";
import { getSessionUser } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/actions";
import { setLocaleAction } from "@/lib/users/actions";
import { SiteHeader } from "@/components/layout/site-header";
import { timeZoneScript } from "@/lib/i18n/time-zone-script";
import { zoneOffsets } from "@/lib/i18n/time-zone";
import { Catalog } from "@/components/i18n/catalog";
import "../globals.css";

/** The id of the page's last element, which the first paint waits for. */
const PAGE_END = "page-end";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [user, t, timeZone, requestHeaders] = await Promise.all([
    getSessionUser(),
    getTranslations("nav"),
    getTimeZone(),
    headers(),
  ]);

  return (
    <html lang={locale}>
      <head>
        {/* No first paint before the page is whole: the browser can paint the HTML it has parsed
            so far (a header's first link alone, a row of buttons half there) and then move it as
            the rest arrives. The mark is the page's last element: a browser paints as soon as the
            element it waits for is there, not when it ends. */}
        <link rel="expect" href={`#${PAGE_END}`} blocking="render" />
        {/* Before anything paints: times render in the reader's own zone, even on a first visit. */}
        <script
          nonce={requestHeaders.get("x-nonce") ?? undefined}
          dangerouslySetInnerHTML={{
            __html: timeZoneScript(timeZone, zoneOffsets(timeZone)),
          }}
        />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {/* The catalog reaches client components as a chunk of the build, not in each payload. */}
        <Catalog locale={locale} timeZone={timeZone}>
          <SiteHeader
            locale={locale}
            userName={user?.name ?? null}
            onLocaleChange={setLocaleAction}
            signOut={signOutAction}
          />
          {/* Pages that hold a working surface (the reading page) mark themselves data-wide. */}
          <main
            id="main"
            className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 has-[[data-room]]:max-w-none! has-[[data-wide]]:max-w-7xl 2xl:has-[[data-wide]]:max-w-[96rem]"
          >
            {children}
          </main>
          <div id={PAGE_END} hidden />
        </Catalog>
      </body>
    </html>
  );
}
