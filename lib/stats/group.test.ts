import { describe, expect, it } from "vitest";
import { groupStats, type GroupReading } from "./group";

const r = (over: Partial<GroupReading>): GroupReading => ({
  userId: "u1",
  meetingId: "m1",
  meetingNumber: 1,
  scheduledAt: new Date("2026-01-05T10:00:00Z"),
  month: "2026-01",
  arxivId: null,
  doi: null,
  primaryCategory: null,
  paperTitle: "P",
  nextPapers: "",
  ...over,
});

describe("groupStats", () => {
  const readings = [
    r({
      userId: "a",
      arxivId: "2304.13705",
      primaryCategory: "cs.RO",
      nextPapers: "- Diffusion Policy arXiv:2303.04137\n- 10.1000/XYZ",
    }),
    r({ userId: "b", arxivId: "1506.02640", primaryCategory: "cs.CV" }),
    r({
      userId: "a",
      meetingId: "m2",
      meetingNumber: 2,
      scheduledAt: new Date("2026-01-19T10:00:00Z"),
      arxivId: "2303.04137v4",
      primaryCategory: "cs.RO",
      paperTitle: "Diffusion Policy",
    }),
    r({
      userId: "c",
      meetingId: "m3",
      meetingNumber: 3,
      scheduledAt: new Date("2026-02-02T10:00:00Z"),
      month: "2026-02",
      doi: "10.1000/xyz",
      paperTitle: "XYZ",
      nextPapers: "arXiv:2304.13705",
    }),
  ];
  const s = groupStats(readings);

  it("counts meetings, readings and readers, per month and per meeting", () => {
    expect(s).toMatchObject({ meetings: 3, readings: 4, readers: 3 });
    expect(s.perMonth).toEqual([
      { month: "2026-01", meetings: 2, readers: 2 },
      { month: "2026-02", meetings: 1, readers: 1 },
    ]);
    expect(s.perMeeting.map((m) => [m.number, m.readers])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
  });

  it("counts the arXiv categories read, most read first", () => {
    expect(s.categories).toEqual([
      { category: "cs.RO", papers: 2 },
      { category: "cs.CV", papers: 1 },
    ]);
  });

  it("finds the suggestions read in a later meeting, by arXiv id without version or DOI in any case", () => {
    // Suggested: 2303.04137 and 10.1000/xyz in meeting 1; 2304.13705 in meeting 3 (read before:
    // not later).
    expect(s.suggestions.total).toBe(3);
    expect(s.suggestions.read).toEqual([
      { title: "Diffusion Policy", suggestedIn: 1, readIn: 2 },
      { title: "XYZ", suggestedIn: 1, readIn: 3 },
    ]);
  });

  it("is all zeros for a group that has read nothing", () => {
    expect(groupStats([])).toMatchObject({
      meetings: 0,
      readings: 0,
      readers: 0,
      perMonth: [],
      categories: [],
    });
  });
});

describe("chart ticks", () => {
  it("are whole numbers, about six at most", async () => {
    const { countTicks } = await import("./charts");
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(12)).toEqual([0, 3, 6, 9, 12]);
    expect(countTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
  });
});
