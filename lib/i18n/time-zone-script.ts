import { TIME_ZONE_COOKIE, type ZoneOffsets } from "./time-zone";

const RELOAD_MARK = "yomikai-tz-reload";

/**
 * The inline script at the top of every page: when the browser's time zone is not the one the page
 * was rendered in (the very first visit, or after travelling), it stores the zone in the cookie the
 * server reads and reloads before anything is painted, so no time shows in the wrong zone. It
 * reloads at most once per zone per tab, and only when the cookie stuck (cookies may be off).
 * `serverZone` is a validated IANA name (lib/i18n/time-zone.ts), safe inside a script.
 *
 * Asking `Intl` for the browser's zone is the first use of `Intl` on the page, and that costs
 * 15–25 ms on a desktop (four times that on a phone) while nothing else on a page load needs it.
 * So the browser's own offsets are compared first, day by day over two years, with the zone's
 * (`offsets`, from the server; 0.1–0.3 ms): when they agree, every time of that span shows as it
 * would in the browser's zone, and the page is left as it is.
 */
export function timeZoneScript(serverZone: string, offsets: ZoneOffsets): string {
  const prefix = `${TIME_ZONE_COOKIE}=`;
  return [
    "(function(){try{",
    `var s=${offsets.start},n=${offsets.days},r=${JSON.stringify(offsets.runs)},i=0,j=0;`,
    "for(;i<n;i++){while(j+1<r.length&&r[j+1][0]<=i)j++;",
    "if(new Date(s+i*864e5).getTimezoneOffset()!==r[j][1])break;}",
    "if(i===n)return;",
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
