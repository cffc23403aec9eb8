import "server-only";
import { getTranslations } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing } from "@/lib/i18n/routing";
import { meetingMinutes, meetingsCalendar } from "./ics";

type Group = { name: string; slug: string; readingMinutes: number };
type Meeting = { id: string; number: number; title: string; scheduledAt: Date; updatedAt: Date };

/**
 * A group's meetings as an iCalendar text in `locale`: each event titled with the meeting's title
 * (or "Paper reading session 12"), the group's name, and a link to the meeting page.
 */
export async function renderCalendar(
  group: Group,
  meetings: Meeting[],
  options: { locale: string | null | undefined; origin: string; feed: boolean },
): Promise<string> {
  const locale = hasLocale(routing.locales, options.locale)
    ? options.locale
    : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "calendar" });
  return meetingsCalendar(
    meetings.map((m) => ({
      id: m.id,
      number: m.number,
      title: t("eventTitle", {
        title: m.title.trim() || t("defaultTitle", { number: m.number }),
        group: group.name,
      }),
      scheduledAt: m.scheduledAt,
      updatedAt: m.updatedAt,
      url: `${options.origin}/${locale}/groups/${group.slug}/meetings/${m.number}`,
    })),
    {
      name: t("calendarName", { group: group.name }),
      minutes: meetingMinutes(group.readingMinutes),
      description: (url) => t("description", { url }),
      feed: options.feed,
    },
  );
}

/** An iCalendar answer: a file to save (`filename`) or a feed to subscribe to. */
export function calendarResponse(text: string, filename?: string): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
}
