"use client";

import { useEffect } from "react";
import { SERVICE_WORKER_URL } from "@/lib/offline/cache-names";

/**
 * Installs the service worker that keeps the reading page for a reload without a network, and
 * asks it to keep this page now (the first visit is not yet under its control).
 */
export function OfflineShell() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    let cancelled = false;
    void navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: "/", type: "module" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled || !navigator.onLine) return;
        registration.active?.postMessage({
          type: "CACHE_URLS",
          payload: { urlsToCache: [window.location.pathname] },
        });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
