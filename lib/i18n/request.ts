import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing } from "./routing";
import { TIME_ZONE_COOKIE, validTimeZone } from "./time-zone";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const zone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return {
    locale,
    // The browser reports its zone in a cookie (components/layout/time-zone-sync.tsx); before it
    // has, Japanese pages assume Japan and English ones UTC.
    timeZone: zone ?? (locale === "ja" ? "Asia/Tokyo" : "UTC"),
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
