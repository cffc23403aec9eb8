// Started once per server process (instrumentation.ts): every hour, images that no answer refers
// to any more and that are older than a day are deleted (lib/readings/mutations.ts). Every
// instance runs it; a delete that another instance already made deletes nothing.
import { deleteUnusedImages } from "./mutations";

const EVERY_MS = 60 * 60_000;
const FIRST_AFTER_MS = 60_000;

async function sweep() {
  try {
    const deleted = await deleteUnusedImages(new Date());
    if (deleted > 0) console.info(`Deleted ${deleted} image(s) no answer refers to any more.`);
  } catch (error) {
    console.warn("Unused images not swept:", (error as Error).message);
  }
}

const globalForSweep = globalThis as unknown as { yomikaiImageSweep?: boolean };
if (!globalForSweep.yomikaiImageSweep) {
  globalForSweep.yomikaiImageSweep = true;
  setTimeout(() => void sweep(), FIRST_AFTER_MS).unref();
  setInterval(() => void sweep(), EVERY_MS).unref();
}
