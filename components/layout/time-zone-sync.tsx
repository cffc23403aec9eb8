"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/time-zone";

function storeZone(zone: string) {
  document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}

/** Tells the server the browser's time zone so dates render in it; re-renders once if it differed. */
export function TimeZoneSync() {
  const serverZone = useTimeZone();
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    storeZone(zone);
    router.refresh();
  }, [serverZone, router]);
  return null;
}
