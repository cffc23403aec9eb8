import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getGroupForMember } from "@/lib/groups/data";
import { idSchema } from "@/lib/ids";
import { localDayNumber } from "@/lib/i18n/time-zone";
import { meetingTitle } from "@/lib/meetings/schema";
import { getGroupPerson, listGroupMeetingTimes, listPersonReadings } from "@/lib/stats/data";
import { memberStats, weekOf } from "@/lib/stats/member";
import { PaperLink } from "@/components/papers/paper-link";
import { serverNow } from "@/lib/clock";

type Props = { params: Promise<{ locale: string; slug: string; userId: string }> };

/** The viewer's group and the person shown, read once for the page and its title. */
const load = cache(async (locale: string, slug: string, userId: string) => {
  const viewer = await requirePageUser(locale, `/groups/${slug}/members/${userId}`);
  const group = await getGroupForMember(slug, viewer.id);
  const id = idSchema.safeParse(userId);
  if (!group || !id.success) return null;
  const person = await getGroupPerson(group.id, id.data);
  return person ? { group, person } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, userId } = await params;
  return { title: (await load(locale, slug, userId))?.person.name ?? slug };
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums sm:text-2xl">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

/** A member's page in a group: what they read, and how regularly and fully. */
export default async function MemberPage({ params }: Props) {
  const { locale, slug, userId } = await params;
  setRequestLocale(locale);
  const found = await load(locale, slug, userId);
  if (!found) notFound();
  const { group, person } = found;
  const [readings, meetingTimes, t, ta, format, timeZone, now] = await Promise.all([
    listPersonReadings(group.id, person.id),
    listGroupMeetingTimes(group.id),
    getTranslations("member"),
    getTranslations("archive"),
    getFormatter(),
    getTimeZone(),
    serverNow(),
  ]);
  const weekAt = (d: Date) => weekOf(localDayNumber(d, timeZone));
  const stats = memberStats(
    readings.map((r) => ({
      meetingId: r.meeting.id,
      scheduledAt: r.meeting.scheduledAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      durationMs: r.durationMs,
      pausedMs: r.pausedMs,
      answered: r.answered,
    })),
    meetingTimes.map(weekAt),
    (r) => weekAt(r.scheduledAt),
    now,
  );
  const minutes = Math.round(stats.readingMs / 60_000);
  const none = t("notApplicable");

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/groups/${group.slug}`} className="text-brand-700 text-sm underline">
          {t("back", { group: group.name })}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{person.name}</h1>
        <p className="text-sm text-slate-600">
          {t("title", { name: person.name, group: group.name })}
        </p>
      </div>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3" data-testid="member-stats">
        <Figure label={t("meetings")} value={format.number(stats.meetings)} />
        <Figure
          label={t("timeReading")}
          value={t("hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}
        />
        <Figure
          label={t("onTime")}
          value={
            stats.onTimeRate === null
              ? none
              : format.number(stats.onTimeRate, { style: "percent", maximumFractionDigits: 0 })
          }
          hint={t("onTimeHint")}
        />
        <Figure
          label={t("answers")}
          value={
            stats.averageAnswered === null
              ? none
              : `${format.number(stats.averageAnswered, { maximumFractionDigits: 1 })} / 6`
          }
          hint={t("answersHint")}
        />
        <Figure
          label={t("streak")}
          value={t("weeks", { count: stats.currentStreak })}
          hint={t("streakHint")}
        />
        <Figure label={t("longest")} value={t("weeks", { count: stats.longestStreak })} />
      </dl>

      <section aria-labelledby="member-papers" className="space-y-3">
        <h2 id="member-papers" className="text-lg font-semibold">
          {t("papers")}
        </h2>
        {readings.length === 0 ? (
          <p className="text-slate-600">{t("noPapers")}</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {readings.map((r) => {
              const meetingPath = `/groups/${group.slug}/meetings/${r.meeting.number}`;
              return (
                <li key={r.id} className="p-4" data-testid="member-paper">
                  <p className="font-medium">
                    <PaperLink href={r.paper.href}>{r.paper.title}</PaperLink>
                  </p>
                  <p className="text-sm text-slate-600">
                    <Link href={meetingPath} className="underline">
                      {ta("meeting", { number: r.meeting.number })}
                    </Link>{" "}
                    ·{" "}
                    {r.meeting.title.trim()
                      ? `${meetingTitle(r.meeting, locale, timeZone)} · `
                      : null}
                    {format.dateTime(r.meeting.scheduledAt, { dateStyle: "medium" })} · {r.answered}
                    /6
                  </p>
                  {r.gist ? <p className="mt-1 text-slate-800">{r.gist}</p> : null}
                  <p className="mt-1 text-sm">
                    <Link
                      href={`${meetingPath}#reading-${r.id}`}
                      className="text-brand-700 underline"
                    >
                      {ta("readSummary")}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
