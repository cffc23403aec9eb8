import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { timeZoneScript } from "./time-zone-script";
import { timezoneOffsetAt, zoneOffsets } from "./time-zone";

const NOW = Date.UTC(2026, 11, 7, 9, 30);

/** Runs the script as a browser in `browserZone` would, with cookies that stick unless blocked. */
function run(
  serverZone: string,
  browserZone: string,
  opts: { cookiesOff?: boolean; reloadedFor?: string } = {},
) {
  let intlAsked = 0;
  const jar = new Map<string, string>();
  const session = new Map<string, string>(
    opts.reloadedFor ? [["yomikai-tz-reload", opts.reloadedFor]] : [],
  );
  let reloads = 0;
  const style: Record<string, string> = {};
  const document = {
    documentElement: { style },
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(value: string) {
      if (opts.cookiesOff) return;
      const [pair] = value.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!, v!);
    },
  };
  // The browser's clock and Intl, in `browserZone`.
  function BrowserDate(this: { t: number }, t: number) {
    this.t = t;
  }
  BrowserDate.prototype.getTimezoneOffset = function (this: { t: number }) {
    return timezoneOffsetAt(new Date(this.t), browserZone);
  };
  runInNewContext(timeZoneScript(serverZone, zoneOffsets(serverZone, NOW)), {
    Date: BrowserDate,
    Intl: {
      DateTimeFormat: () => {
        intlAsked++;
        return { resolvedOptions: () => ({ timeZone: browserZone }) };
      },
    },
    document,
    sessionStorage: {
      getItem: (k: string) => session.get(k) ?? null,
      setItem: (k: string, v: string) => session.set(k, v),
    },
    location: { reload: () => reloads++ },
    encodeURIComponent,
  });
  return {
    cookie: jar.get("yomikai-tz"),
    reloads,
    hidden: style.visibility === "hidden",
    intlAsked,
  };
}

describe("timeZoneScript", () => {
  it("does nothing, and does not ask Intl, when the page was rendered in the browser's zone", () => {
    for (const zone of ["Asia/Tokyo", "UTC", "Europe/London", "America/New_York"])
      expect(run(zone, zone)).toEqual({
        cookie: undefined,
        reloads: 0,
        hidden: false,
        intlAsked: 0,
      });
  });

  it("leaves a page alone whose zone keeps the browser's clocks every day of two years", () => {
    // Seoul and Tokyo: the same offset all year; Lisbon and London: the same clock changes.
    expect(run("Asia/Tokyo", "Asia/Seoul")).toMatchObject({ reloads: 0, intlAsked: 0 });
    expect(run("Europe/London", "Europe/Lisbon")).toMatchObject({ reloads: 0, intlAsked: 0 });
  });

  it("stores the zone and reloads once, hidden, when the page used another zone", () => {
    expect(run("UTC", "Pacific/Auckland")).toEqual({
      cookie: "Pacific%2FAuckland",
      reloads: 1,
      hidden: true,
      intlAsked: 1,
    });
    // London is UTC in winter (now) and an hour ahead in summer.
    expect(run("UTC", "Europe/London")).toMatchObject({ cookie: "Europe%2FLondon", reloads: 1 });
  });

  it("tells apart zones that differ for a month of the two years only", () => {
    // Casablanca sets its clocks back an hour for Ramadan (February–March 2027); a fixed UTC+1 does not.
    expect(run("Etc/GMT-1", "Africa/Casablanca")).toMatchObject({
      cookie: "Africa%2FCasablanca",
      reloads: 1,
    });
  });

  it("does not reload again for the same zone (a server that ignores the cookie cannot loop)", () => {
    expect(run("UTC", "Pacific/Auckland", { reloadedFor: "Pacific/Auckland" }).reloads).toBe(0);
  });

  it("does not reload when cookies are off, since the reload could not help", () => {
    expect(run("UTC", "Pacific/Auckland", { cookiesOff: true })).toMatchObject({
      reloads: 0,
      hidden: false,
    });
  });
});

describe("zoneOffsets", () => {
  it("gives a zone's offset for every day of the year before and after, as runs", () => {
    const o = zoneOffsets("Europe/London", NOW);
    expect(o.start).toBe(Date.UTC(2025, 11, 6));
    expect(o.days).toBe(733);
    // Winter, summer 2026, winter, summer 2027, winter.
    expect(o.runs.map(([, offset]) => offset)).toEqual([0, -60, 0, -60, 0]);
    // The clocks went forward on 29 March 2026 at 01:00 UTC: the first sample after is 30 March.
    const spring = o.runs[1]![0];
    expect(new Date(o.start + spring * 86_400_000).toISOString()).toBe("2026-03-30T00:00:00.000Z");
    expect(zoneOffsets("Asia/Tokyo", NOW).runs).toEqual([[0, -540]]);
  });
});
