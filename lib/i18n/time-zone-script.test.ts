import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { timeZoneScript } from "./time-zone-script";

/** Runs the script as a browser in `browserZone` would, with cookies that stick unless blocked. */
function run(
  serverZone: string,
  browserZone: string,
  opts: { cookiesOff?: boolean; reloadedFor?: string } = {},
) {
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
  runInNewContext(timeZoneScript(serverZone), {
    Intl: { DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone: browserZone }) }) },
    document,
    sessionStorage: {
      getItem: (k: string) => session.get(k) ?? null,
      setItem: (k: string, v: string) => session.set(k, v),
    },
    location: { reload: () => reloads++ },
    encodeURIComponent,
  });
  return { cookie: jar.get("yomikai-tz"), reloads, hidden: style.visibility === "hidden" };
}

describe("timeZoneScript", () => {
  it("does nothing when the page was rendered in the browser's zone", () => {
    expect(run("Asia/Tokyo", "Asia/Tokyo")).toEqual({
      cookie: undefined,
      reloads: 0,
      hidden: false,
    });
  });

  it("stores the zone and reloads once, hidden, when the page used another zone", () => {
    expect(run("UTC", "Pacific/Auckland")).toEqual({
      cookie: "Pacific%2FAuckland",
      reloads: 1,
      hidden: true,
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
