import type { Metadata } from "next";
import { meetingTitle } from "@/lib/meetings/schema";
import { publicOrigin } from "@/lib/origin";
import { notFound } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { Link, getPathname } from "@/lib/i18n/navigation";
import { SoftLinks } from "@/components/ui/soft-links";
import { requirePageUser } from "@/lib/auth/session";
import { getGroupForMember, listInvites, listMembers } from "@/lib/groups/data";
import { canAdminister, canManageMembers } from "@/lib/groups/schema";
import { invitePath } from "@/lib/groups/invite-path";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { LeaveGroupButton } from "@/components/groups/member-actions";
import { MemberList } from "@/components/groups/member-list";
import { InvitePanel } from "@/components/groups/invite-panel";
import { listMeetings } from "@/lib/meetings/data";
import { ScheduleMeetingForm, StartNowButton } from "@/components/meetings/create-meeting";
import { listQueue } from "@/lib/queue/data";
import { ReadingQueue } from "@/components/queue/reading-queue";
import { CalendarFeed } from "@/components/calendar/calendar-feed";
import { calendarFeedPath } from "@/lib/calendar/links";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function GroupPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, `/groups/${slug}`);
  const group = await getGroupForMember(slug, user.id);
  if (!group) notFound();
  const admin = canAdminister(group.role);
  const timeZone = await getTimeZone();
  const [meetings, members, invites, t, format, origin, queue] = await Promise.all([
    listMeetings(group.id),
    listMembers(group.id, { withEmails: admin }),
    admin ? listInvites(group.id) : Promise.resolve([]),
    getTranslations(),
    getFormatter(),
    publicOrigin(),
    listQueue(group.id, user.id),
  ]);

  // A new group (only its owner so far) shows how to invite people first.
  const alone = members.length === 1;
  const inviteCard = (
    <Card title={t("invites.title")}>
      <InvitePanel
        groupSlug={group.slug}
        invites={invites.map((i) => ({
          id: i.id,
          url: `${origin}${invitePath(i.token)}`,
          expiresAt: i.expiresAt.toISOString(),
          uses: i.uses,
        }))}
      />
    </Card>
  );
  // While a meeting runs, joining it is what members come for (not starting another).
  // The rows' links are plain anchors under one client boundary (components/ui/soft-links.tsx).
  const path = (href: string) => getPathname({ href, locale });
  const running = meetings.find((m) => m.phase === "READING" || m.phase === "RECAP");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/groups" className="text-brand-700 text-sm underline">
            {t("groups.back")}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">{group.name}</h1>
          <p className="text-sm text-slate-600">
            {t("groups.members", { count: members.length })} ·{" "}
            {t("groups.yourRole", { role: t(`roles.${group.role}`) })}
          </p>
        </div>
        <nav aria-label={group.name} className="flex flex-wrap gap-2">
          <Link href={`/groups/${group.slug}/archive`} className={buttonClass("secondary")}>
            {t("groups.archive")}
          </Link>
          <Link href={`/groups/${group.slug}/stats`} className={buttonClass("secondary")}>
            {t("groups.stats")}
          </Link>
          {admin ? (
            <Link href={`/groups/${group.slug}/settings`} className={buttonClass("secondary")}>
              {t("groups.settings")}
            </Link>
          ) : null}
        </nav>
      </div>

      {admin && alone ? inviteCard : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card
          title={t("meetings.title")}
          actions={
            running ? (
              <Link
                href={`/groups/${group.slug}/meetings/${running.number}`}
                className={buttonClass("primary")}
                data-join-running
              >
                {t("meetings.joinRunning")}
              </Link>
            ) : (
              <StartNowButton groupSlug={group.slug} />
            )
          }
        >
          {meetings.length === 0 ? (
            <p className="text-sm text-slate-600">{t("meetings.empty")}</p>
          ) : (
            <SoftLinks className="space-y-5" testId="meetings">
              {(
                [
                  ["running", meetings.filter((m) => m.phase === "READING" || m.phase === "RECAP")],
                  ["upcoming", meetings.filter((m) => m.phase === "PLANNED").reverse()],
                  ["past", meetings.filter((m) => m.phase === "CLOSED")],
                ] as const
              ).map(([key, list]) =>
                list.length === 0 ? null : (
                  <section key={key} aria-labelledby={`meetings-${key}`}>
                    <h3
                      id={`meetings-${key}`}
                      className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
                    >
                      {t(`meetings.${key}`)}
                    </h3>
                    <ul className="divide-y divide-slate-200">
                      {list.map((m) => (
                        <li key={m.id}>
                          <a
                            href={path(`/groups/${group.slug}/meetings/${m.number}`)}
                            className="flex flex-wrap items-center justify-between gap-2 py-3 hover:bg-slate-50"
                          >
                            <span className="min-w-0">
                              <span className="block truncate font-medium text-slate-900">
                                {meetingTitle(m, locale, timeZone)}
                              </span>
                              <span className="block text-sm text-slate-600">
                                {t("meetings.number", { number: m.number })} ·{" "}
                                {format.dateTime(m.scheduledAt, {
                                  dateStyle: "medium",
                                  timeStyle: "short",
                                })}{" "}
                                · {t("meetings.readers", { count: m.readerCount })}
                              </span>
                            </span>
                            <span
                              className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${
                                key === "running"
                                  ? "bg-emerald-100 text-emerald-800"
                                  : key === "upcoming"
                                    ? "bg-brand-100 text-brand-700"
                                    : "bg-slate-200 text-slate-700"
                              }`}
                            >
                              {t(`phases.${m.phase}`)}
                            </span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </section>
                ),
              )}
            </SoftLinks>
          )}
        </Card>
        <div className="space-y-6">
          <Card title={t("meetings.scheduleTitle")}>
            <ScheduleMeetingForm groupSlug={group.slug} />
          </Card>
          <Card title={t("calendar.title")}>
            <CalendarFeed
              groupSlug={group.slug}
              url={group.calendarToken ? `${origin}${calendarFeedPath(group.calendarToken)}` : null}
            />
          </Card>
        </div>
      </div>

      <ReadingQueue groupSlug={group.slug} entries={queue} userId={user.id} canRemoveAny={admin} />

      <Card title={t("members.title")}>
        <SoftLinks>
          <MemberList
            groupSlug={group.slug}
            viewerId={user.id}
            canManage={canManageMembers(group.role)}
            rows={members.map((m) => ({
              id: m.id,
              userId: m.user.id,
              name: m.user.name,
              email: admin ? m.user.email : null,
              role: m.role,
              joined: format.dateTime(m.createdAt, { dateStyle: "medium" }),
              href: path(`/groups/${group.slug}/members/${m.user.id}`),
            }))}
          />
        </SoftLinks>
      </Card>

      {admin && !alone ? inviteCard : null}

      <LeaveGroupButton groupSlug={group.slug} />
    </div>
  );
}
