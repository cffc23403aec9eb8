"use client";

import { useEffect } from "react";
import { SERVICE_WORKER_URL } from "@/lib/offline/cache-names";

/**
 * Installs the service worker that keeps the reading page for a reload without a network, and
 * asks it to keep this page now (the first visit is not yet under its control). Registered when
 * the page's main thread is first idle: at hydration it was one more job in a phone's longest task.
 */
export function OfflineShell() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    let cancelled = false;
    const register = () =>
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
    // Safari has no requestIdleCallback: a second's wait serves the same end there.
    if (typeof window.requestIdleCallback === "function") {
      const handle = requestIdleCallback(register, { timeout: 3000 });
      return () => {
        cancelled = true;
        cancelIdleCallback(handle);
      };
    }
    const handle = setTimeout(register, 1000);
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, []);
  return null;
}
