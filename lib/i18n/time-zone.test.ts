import { expect, it } from "vitest";
import { validTimeZone } from "./time-zone";

it("accepts real IANA zones only", () => {
  expect(validTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
  expect(validTimeZone("UTC")).toBe("UTC");
  expect(validTimeZone("Mars/Olympus")).toBeNull();
  expect(validTimeZone("Asia/Tokyo; drop table")).toBeNull();
  expect(validTimeZone(undefined)).toBeNull();
});

it("finds where a calendar day starts and which day an instant is on, in a zone", async () => {
  const { startOfLocalDay, localDayNumber } = await import("./time-zone");
  expect(startOfLocalDay("2026-12-06", "Asia/Tokyo")?.toISOString()).toBe(
    "2026-12-05T15:00:00.000Z",
  );
  expect(startOfLocalDay("2026-12-06", "UTC")?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
  // New York in summer time and in winter time.
  expect(startOfLocalDay("2026-07-01", "America/New_York")?.toISOString()).toBe(
    "2026-07-01T04:00:00.000Z",
  );
  expect(startOfLocalDay("2026-01-15", "America/New_York")?.toISOString()).toBe(
    "2026-01-15T05:00:00.000Z",
  );
  expect(startOfLocalDay("2026-02-30", "UTC")).toBeNull();
  expect(startOfLocalDay("06/12/2026", "UTC")).toBeNull();
  const late = new Date("2026-12-05T16:30:00Z"); // already the 6th in Tokyo
  expect(localDayNumber(late, "Asia/Tokyo") - localDayNumber(late, "UTC")).toBe(1);
});
