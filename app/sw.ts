/// <reference lib="webworker" />
// The service worker: an offline app shell for the reading page. The build's scripts and styles
// are precached; the reading page itself is kept from the last visit (network first), so a reload
// without a network shows the page, and the summary form restores the draft kept in the browser.
// Nothing else is cached: every other page, the API and live events always go to the network.
import { Serwist, NetworkFirst, ExpirationPlugin, type PrecacheEntry } from "serwist";
import { READING_PAGES_CACHE } from "@/lib/offline/cache-names";

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const READING_PAGE = /^\/(ja|en)\/groups\/[^/]+\/meetings\/\d+$/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The page's HTML: a navigation, or the page asking to be kept (CACHE_URLS). Never the
      // React Server Component payloads that client navigations and refreshes fetch.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin &&
        request.method === "GET" &&
        READING_PAGE.test(url.pathname) &&
        !request.headers.has("RSC") &&
        !url.searchParams.has("_rsc"),
      handler: new NetworkFirst({
        cacheName: READING_PAGES_CACHE,
        plugins: [
          {
            // Only the page itself: never a redirect to sign-in or an error page in its place.
            cacheWillUpdate: async ({ response }) =>
              response.status === 200 && !response.redirected ? response : null,
          },
          new ExpirationPlugin({ maxEntries: 20, maxAgeSeconds: 14 * 24 * 60 * 60 }),
        ],
      }),
    },
  ],
});

serwist.addEventListeners();
