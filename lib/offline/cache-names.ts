// Names shared by the service worker (app/sw.ts) and the pages that talk to it.
export const SERVICE_WORKER_URL = "/serwist/sw.js";
/** Reading pages kept for a reload without a network; cleared on sign-out. */
export const READING_PAGES_CACHE = "yomikai-reading-pages";
