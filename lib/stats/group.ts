// A group's numbers from its meetings and readings: meetings and readers per month, readers per
// meeting, the arXiv categories read, and which "next paper" suggestions were read later. Pure.
import { findIdentifiers } from "@/lib/papers/identifiers";

export type GroupReading = {
  userId: string;
  meetingId: string;
  meetingNumber: number;
  scheduledAt: Date;
  /** YYYY-MM of the meeting in the viewer's time zone. */
  month: string;
  arxivId: string | null;
  doi: string | null;
  primaryCategory: string | null;
  paperTitle: string;
  nextPapers: string;
};

export type GroupStats = {
  meetings: number;
  readings: number;
  readers: number;
  perMonth: { month: string; meetings: number; readers: number }[];
  perMeeting: { number: number; scheduledAt: Date; readers: number }[];
  categories: { category: string; papers: number }[];
  suggestions: {
    total: number;
    read: { title: string; suggestedIn: number; readIn: number }[];
  };
};

const keyOf = (id: { arxivId: string | null; doi: string | null }) =>
  id.arxivId
    ? `arxiv:${id.arxivId.replace(/v\d+$/, "")}`
    : id.doi
      ? `doi:${id.doi.toLowerCase()}`
      : null;

export function groupStats(readings: GroupReading[]): GroupStats {
  const meetings = new Map<
    string,
    { number: number; scheduledAt: Date; month: string; readers: Set<string> }
  >();
  for (const r of readings) {
    const m = meetings.get(r.meetingId) ?? {
      number: r.meetingNumber,
      scheduledAt: r.scheduledAt,
      month: r.month,
      readers: new Set<string>(),
    };
    m.readers.add(r.userId);
    meetings.set(r.meetingId, m);
  }

  const months = new Map<string, { meetings: number; readers: Set<string> }>();
  for (const m of meetings.values()) {
    const entry = months.get(m.month) ?? { meetings: 0, readers: new Set<string>() };
    entry.meetings++;
    for (const u of m.readers) entry.readers.add(u);
    months.set(m.month, entry);
  }

  // One count per paper and meeting: two readers of one paper in a meeting read it once.
  const categories = new Map<string, Set<string>>();
  for (const r of readings) {
    if (!r.primaryCategory) continue;
    const papers = categories.get(r.primaryCategory) ?? new Set<string>();
    papers.add(`${r.meetingId} ${keyOf(r) ?? r.paperTitle}`);
    categories.set(r.primaryCategory, papers);
  }

  // Suggestions: each identifier once, from the first meeting that named it; read later when a
  // reading in a later meeting is that paper.
  const suggested = new Map<string, { number: number; at: number }>();
  for (const r of [...readings].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime()))
    for (const id of findIdentifiers(r.nextPapers)) {
      const key = keyOf(
        id.kind === "arxiv" ? { arxivId: id.id, doi: null } : { arxivId: null, doi: id.doi },
      );
      if (key && !suggested.has(key))
        suggested.set(key, { number: r.meetingNumber, at: r.scheduledAt.getTime() });
    }
  const read: GroupStats["suggestions"]["read"] = [];
  for (const [key, from] of suggested) {
    const later = readings
      .filter((r) => keyOf(r) === key && r.scheduledAt.getTime() > from.at)
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0];
    if (later)
      read.push({ title: later.paperTitle, suggestedIn: from.number, readIn: later.meetingNumber });
  }

  return {
    meetings: meetings.size,
    readings: readings.length,
    readers: new Set(readings.map((r) => r.userId)).size,
    perMonth: [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, v]) => ({ month, meetings: v.meetings, readers: v.readers.size })),
    perMeeting: [...meetings.values()]
      .sort((a, b) => a.number - b.number)
      .map((m) => ({ number: m.number, scheduledAt: m.scheduledAt, readers: m.readers.size })),
    categories: [...categories]
      .map(([category, papers]) => ({ category, papers: papers.size }))
      .sort((a, b) => b.papers - a.papers || a.category.localeCompare(b.category)),
    suggestions: { total: suggested.size, read },
  };
}
