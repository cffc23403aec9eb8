import { TIME_ZONE_COOKIE } from "./time-zone";

const RELOAD_MARK = "yomikai-tz-reload";

/**
 * The inline script at the top of every page: when the browser's time zone is not the one the page
 * was rendered in (the very first visit, or after travelling), it stores the zone in the cookie the
 * server reads and reloads before anything is painted, so no time shows in the wrong zone. It
 * reloads at most once per zone per tab, and only when the cookie stuck (cookies may be off).
 * `serverZone` is a validated IANA name (lib/i18n/time-zone.ts), safe inside a script.
 */
export function timeZoneScript(serverZone: string): string {
  const prefix = `${TIME_ZONE_COOKIE}=`;
  return [
    "(function(){try{",
    "var z=Intl.DateTimeFormat().resolvedOptions().timeZone;",
    `if(!z||z===${JSON.stringify(serverZone)})return;`,
    "var c=" + JSON.stringify(prefix) + "+encodeURIComponent(z);",
    'document.cookie=c+"; path=/; max-age=31536000; samesite=lax";',
    `var k=${JSON.stringify(RELOAD_MARK)};`,
    'if((" "+document.cookie+";").indexOf(" "+c+";")<0||sessionStorage.getItem(k)===z)return;',
    "sessionStorage.setItem(k,z);",
    'document.documentElement.style.visibility="hidden";',
    "location.reload();",
    "}catch(e){}})();",
  ].join("");
}
