// What this device remembers of a reader's room between page loads: whether the paper was open
// and the page they were on. A reload, or a phone that dropped the tab while in the background,
// brings the reader back to the same place. Kept per reading in localStorage (and in memory, so
// the room works where storage is switched off); anything unreadable counts as nothing
// remembered.

export type RoomMemory = { open: boolean; page: number };

const keyOf = (readingId: string) => `yomikai.room.${readingId}`;
const known = new Map<string, RoomMemory>();

function fromStorage(readingId: string): RoomMemory {
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

export function readRoomMemory(readingId: string): RoomMemory {
  let memory = known.get(readingId);
  if (!memory) {
    memory = fromStorage(readingId);
    known.set(readingId, memory);
  }
  return memory;
}

export function rememberRoom(readingId: string, change: Partial<RoomMemory>): void {
  const next = { ...readRoomMemory(readingId), ...change };
  known.set(readingId, next);
  try {
    localStorage.setItem(keyOf(readingId), JSON.stringify(next));
  } catch {
    // Full or switched off: remembered for this page load only.
  }
}
