import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, routing, type Locale } from "./routing";

/** The request's language, as one of the app's locales. */
export async function currentLocale(): Promise<Locale> {
  const l = await getLocale();
  return isLocale(l) ? l : routing.defaultLocale;
}
