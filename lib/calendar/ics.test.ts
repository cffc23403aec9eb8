import { describe, expect, it } from "vitest";
import { eventUid, meetingMinutes, meetingsCalendar } from "./ics";

/** Unfolds RFC 5545 lines (a CRLF followed by a space continues the line) into properties. */
function properties(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n");
}

const meeting = {
  id: "m1",
  number: 12,
  title: "Diffusion, attention; and 論文読み勉強会",
  scheduledAt: new Date("2027-03-01T10:00:00Z"),
  updatedAt: new Date("2027-02-20T08:30:00Z"),
  url: "https://yomikai.example.org/ja/groups/ml/meetings/12",
};

describe("meetingsCalendar", () => {
  const text = meetingsCalendar([meeting], {
    name: "ML 読み会 · Yomikai",
    minutes: meetingMinutes(50),
    description: (url) => `Open the meeting: ${url}`,
  });
  const lines = properties(text);

  it("writes one event at the meeting's instant in UTC, as long as the reading plus recaps", () => {
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines).toContain("DTSTART:20270301T100000Z");
    expect(lines).toContain("DTEND:20270301T112000Z");
    expect(lines).toContain("DTSTAMP:20270220T083000Z");
  });

  it("gives the event a stable UID so a second import updates it", () => {
    expect(lines).toContain(`UID:${eventUid("m1")}`);
  });

  it("escapes commas and semicolons and keeps Japanese text intact across folded lines", () => {
    expect(lines).toContain("SUMMARY:Diffusion\\, attention\\; and 論文読み勉強会");
    expect(lines).toContain(`URL;VALUE=URI:${meeting.url}`);
    // Every physical line stays within 75 octets (RFC 5545 §3.1).
    for (const physical of text.split("\r\n")) {
      expect(Buffer.byteLength(physical, "utf8")).toBeLessThanOrEqual(75);
    }
  });

  it("asks subscribed calendars to refresh hourly only when it is a feed", () => {
    expect(text).not.toContain("REFRESH-INTERVAL");
    const feed = meetingsCalendar([meeting], {
      name: "x",
      minutes: 80,
      description: () => "",
      feed: true,
    });
    expect(properties(feed)).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  });
});
