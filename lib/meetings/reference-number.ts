// The number a reader's paper will have in the meeting's minutes ([n] in the reference list), as
// the minutes count it: readers in presenting order (join order for those not in it, and before a
// recap), each paper numbered at its first reader. Pure; the reading room credits quoted figures
// with it, and the minutes renumber those credits if the order changes later.

type Row = { readingId: string; paperKey: string };

export function referenceNumber(
  rows: readonly Row[],
  recapOrder: readonly string[],
  readingId: string,
): number | null {
  const rank = (id: string) => {
    const i = recapOrder.indexOf(id);
    return i === -1 ? recapOrder.length : i;
  };
  const ordered = [...rows].sort((a, b) => rank(a.readingId) - rank(b.readingId));
  const numbers = new Map<string, number>();
  for (const row of ordered)
    if (!numbers.has(row.paperKey)) numbers.set(row.paperKey, numbers.size + 1);
  const mine = rows.find((r) => r.readingId === readingId);
  return mine ? (numbers.get(mine.paperKey) ?? null) : null;
}

/** A paper's identity for numbering, from what the board knows of it (its link, else its title). */
export function boardPaperKey(row: { paperHref: string | null; paperTitle: string }): string {
  return row.paperHref ?? `title:${row.paperTitle.trim().toLowerCase()}`;
}
