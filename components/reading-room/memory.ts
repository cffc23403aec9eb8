// What this device remembers of a reader's room between page loads: whether the paper was open
// and the page they were on. A reload, or a phone that dropped the tab while in the background,
// brings the reader back to the same place. Kept per reading in localStorage; anything unreadable
// there counts as nothing remembered.

export type RoomMemory = { open: boolean; page: number };

const keyOf = (readingId: string) => `yomikai.room.${readingId}`;

export function readRoomMemory(readingId: string): RoomMemory {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyOf(readingId)) ?? "null");
    if (raw && typeof raw === "object") {
      const { open, page } = raw as Record<string, unknown>;
      return {
        open: open === true,
        page: typeof page === "number" && Number.isInteger(page) && page >= 1 ? page : 1,
      };
    }
  } catch {
    // Storage switched off, or a value this code did not write.
  }
  return { open: false, page: 1 };
}

export function rememberRoom(readingId: string, change: Partial<RoomMemory>): void {
  try {
    const next = { ...readRoomMemory(readingId), ...change };
    localStorage.setItem(keyOf(readingId), JSON.stringify(next));
  } catch {
    // Full or switched off: the room simply starts closed next time.
  }
}
