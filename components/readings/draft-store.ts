// What the browser keeps of a summary until the server has acknowledged it: the last
// acknowledged text and version, and the text as typed. Written on every change, so a reload,
// a closed tab or a crash loses nothing; read back when the page opens again.
import type { Summary } from "@/lib/readings/summary";

export type Draft = { baseVersion: number; base: Summary; values: Summary; updatedAt: number };

const key = (readingId: string) => `yomikai:summary:${readingId}`;

export function loadDraft(readingId: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(readingId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    if (
      typeof d.baseVersion !== "number" ||
      typeof d.base !== "object" ||
      typeof d.values !== "object"
    )
      return null;
    return d;
  } catch {
    return null;
  }
}

export function saveDraft(readingId: string, draft: Draft): void {
  try {
    window.localStorage.setItem(key(readingId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked (private mode): the server copy is all there is.
  }
}

export function clearDraft(readingId: string): void {
  try {
    window.localStorage.removeItem(key(readingId));
  } catch {
    // ignore
  }
}
