// Requests held at the network: a test sees what the page does before the server has them.
import type { Page } from "@playwright/test";

/** Holds every request to `url` until the returned function is called; then they all go on. */
export async function holdRequests(page: Page, url: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
