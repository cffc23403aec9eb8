// What the browser keeps of a summary until the server has acknowledged it: the last
// acknowledged text and version, the text as typed, and any unresolved conflicts. Written on every
// change, so a reload, a closed tab or a crash loses nothing.
//
// Each tab keeps its own draft (its id lives in sessionStorage, so a reload finds it again) and
// holds a Web Lock while open. A draft whose tab is gone — closed, crashed — is an orphan, and the
// next tab that opens the reading adopts it; a draft of a tab that is still open is never taken.
import type { Draft } from "./autosave-engine";
import { decodeDraft } from "./draft-decode";

export type { Draft };

const PREFIX = "yomikai:summary:";
// Without Web Locks, a draft untouched this long is taken to belong to a closed tab.
const ORPHAN_AFTER_MS = 30_000;

function tabId(): string {
  try {
    let id = window.sessionStorage.getItem("yomikai:tab");
    if (!id) {
      id = Math.random().toString(36).slice(2, 10);
      window.sessionStorage.setItem("yomikai:tab", id);
    }
    return id;
  } catch {
    return "default";
  }
}

const key = (readingId: string, tab = tabId()) => `${PREFIX}${readingId}:${tab}`;
const lockName = (tab: string) => `yomikai-tab-${tab}`;

function parse(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    return decodeDraft(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function loadDraft(readingId: string): Draft | null {
  try {
    return parse(window.localStorage.getItem(key(readingId)));
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

let lockHeld = false;

/** Marks this tab as alive for as long as it is open. */
export function holdTabLock(): void {
  if (lockHeld || typeof navigator === "undefined" || !navigator.locks) return;
  lockHeld = true;
  void navigator.locks
    .request(lockName(tabId()), () => new Promise<void>(() => undefined))
    .catch(() => undefined);
}

/** The newest draft of this reading left by a tab that is no longer open, and its storage key. */
export async function findOrphanDraft(
  readingId: string,
): Promise<{ key: string; draft: Draft } | null> {
  try {
    const mine = key(readingId);
    const prefix = `${PREFIX}${readingId}:`;
    const keys = Object.keys(window.localStorage).filter((k) => k.startsWith(prefix) && k !== mine);
    if (!keys.length) return null;
    const held = navigator.locks
      ? new Set(((await navigator.locks.query()).held ?? []).map((l) => l.name))
      : null;
    let best: { key: string; draft: Draft } | null = null;
    for (const k of keys) {
      const draft = parse(window.localStorage.getItem(k));
      if (!draft) continue;
      const tab = k.slice(prefix.length);
      const alive = held ? held.has(lockName(tab)) : Date.now() - draft.updatedAt < ORPHAN_AFTER_MS;
      if (alive) continue;
      if (!best || draft.updatedAt > best.draft.updatedAt) best = { key: k, draft };
    }
    return best;
  } catch {
    return null;
  }
}

export function removeDraftKey(storageKey: string): void {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // ignore
  }
}
