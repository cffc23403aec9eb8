import { describe, expect, it } from "vitest";
import { localInputToDate, meetingTitle } from "./schema";

describe("meeting input", () => {
  it("reads a datetime-local value in the browser's zone", () => {
    // Tokyo is UTC+9: getTimezoneOffset() is -540.
    expect(localInputToDate("2026-11-29T19:00", -540)?.toISOString()).toBe(
      "2026-11-29T10:00:00.000Z",
    );
    expect(localInputToDate("2026-02-30T19:00", 0)).toBeNull();
    for (const y of ["0000", "0099", "1999", "2201", "99999"])
      expect(localInputToDate(`${y}-01-25T19:00`, 0), y).toBeNull();
    expect(localInputToDate("2026-11-29T25:00", 0)).toBeNull();
  });

  it("makes a default title in each language", () => {
    const at = new Date("2026-11-29T05:00:00Z");
    const untitled = { title: "", scheduledAt: at };
    expect(meetingTitle(untitled, "ja", "Asia/Tokyo")).toBe("2026/11/29 論文読み勉強会");
    expect(meetingTitle(untitled, "en", "Asia/Tokyo")).toBe("Paper reading session, 29 Nov 2026");
    // Each viewer reads it in their own language and zone; a given title stays as it is.
    expect(meetingTitle(untitled, "en", "America/Los_Angeles")).toBe(
      "Paper reading session, 28 Nov 2026",
    );
    expect(meetingTitle({ title: "Week 9", scheduledAt: at }, "ja", "Asia/Tokyo")).toBe("Week 9");
  });
});
