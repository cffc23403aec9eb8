import type { Metadata } from "next";
import { meetingTitle } from "@/lib/meetings/schema";
import { getFormatter, getTranslations, setRequestLocale, getTimeZone } from "next-intl/server";
import { Link, getPathname } from "@/lib/i18n/navigation";
import { SoftLinks } from "@/components/ui/soft-links";
import { listGroupMembersForFacilitation } from "@/lib/meetings/data";
import { listRecapSlides } from "@/lib/recap/data";
import { loadMeetingPage, parseMeetingNumber } from "@/lib/meetings/loaders";
import { boardForMeetingPage } from "@/lib/meetings/board";
import { Notice } from "@/components/ui/notice";
import { MeetingLive } from "@/components/meetings/live-board";
import { JoinMeetingForm } from "@/components/meetings/join-meeting-form";
import { FacilitatorControls, FacilitatorPicker } from "@/components/meetings/facilitator-controls";
import { SummaryPanel } from "@/components/readings/summary-panel";
import { getOwnReading } from "@/lib/readings/data";
import { buttonClass } from "@/components/ui/button";
import { OrderEditor } from "@/components/recap/order-editor";
import { ClosedSummaries } from "@/components/recap/closed-summaries";
import { queueForJoin, suggestionsFromMeeting } from "@/lib/queue/data";
import { QueueSuggestions } from "@/components/queue/suggestions";
import { DeleteMeeting } from "@/components/meetings/delete-meeting";
import { MeetingLink } from "@/components/meetings/meeting-link";
import { EditMeeting } from "@/components/meetings/edit-meeting";

type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: "meetings" });
  return { title: t("number", { number: parseMeetingNumber(number) ?? 0 }) };
}

export default async function MeetingPage({ params }: Props) {
  const { locale, slug, number: rawNumber } = await params;
  setRequestLocale(locale);
  const loaded = await loadMeetingPage(locale, slug, rawNumber);
  const { user, meeting, admin, canDrive } = loaded;
  const board = boardForMeetingPage(loaded.board);
  const [t, format, members] = await Promise.all([
    getTranslations(),
    getFormatter(),
    admin && meeting.phase !== "CLOSED"
      ? listGroupMembersForFacilitation(meeting.group.id)
      : Promise.resolve([]),
  ]);
  const mine = board.rows.find((r) => r.userId === user.id);
  const joined = Boolean(mine);
  const [reading, suggestions, offers] = await Promise.all([
    mine ? getOwnReading(mine.readingId, user.id) : null,
    meeting.phase === "CLOSED" || meeting.phase === "RECAP"
      ? suggestionsFromMeeting(meeting.id, meeting.group.id)
      : [],
    !mine && meeting.phase !== "CLOSED" ? queueForJoin(meeting.group.id, user.id) : [],
  ]);
  // Joining stays open until the meeting closes: someone who arrives during the recap presents last.
  const open = meeting.phase !== "CLOSED";

  return (
    // On a phone the reader's countdown and form come right after the facilitator's one-bar
    // controls; the meeting link and the projector move below them (max-lg:order-*).
    <div className="flex flex-col gap-6" data-wide={joined || undefined}>
      {/* The way back is prefetched when the pointer or focus reaches it, not as the page opens:
          fifty readers opening their page at the start would each fetch the group page too, and
          a phone would decode it while the reader's form starts. */}
      <SoftLinks>
        <a
          href={getPathname({ href: `/groups/${meeting.group.slug}`, locale })}
          className="text-brand-700 text-sm underline"
        >
          {t("meeting.back", { group: meeting.group.name })}
        </a>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            {meetingTitle(meeting, locale, await getTimeZone())}
          </h1>
          <span
            data-testid="phase"
            className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-medium text-slate-800"
          >
            {meeting.phase === "READING" && board.rows.length === 0
              ? t("meeting.waitingForReaders")
              : t(`phases.${meeting.phase}`)}
          </span>
        </div>
        <p className="text-sm text-slate-600">
          {t("meetings.number", { number: meeting.number })} ·{" "}
          {format.dateTime(meeting.scheduledAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
          {t("meeting.facilitator", { name: meeting.facilitatorName })}
        </p>
        {meeting.phase === "PLANNED" ? (
          <p className="mt-2 text-sm">
            <a
              href={`/api/meetings/${meeting.id}/calendar?locale=${locale}`}
              download
              className="text-brand-700 underline"
              data-add-to-calendar
            >
              {t("calendar.addMeeting")}
            </a>{" "}
            <span className="text-slate-600">{t("calendar.addMeetingHint")}</span>
          </p>
        ) : null}
      </SoftLinks>

      {canDrive ? (
        <FacilitatorControls
          groupSlug={meeting.group.slug}
          number={meeting.number}
          phase={meeting.phase}
          everyoneStarted={
            board.rows.length > 0 && board.rows.every((r) => r.countdown.startedAt !== null)
          }
        />
      ) : null}
      {canDrive && meeting.phase === "PLANNED" ? (
        <EditMeeting
          groupSlug={meeting.group.slug}
          number={meeting.number}
          scheduledAt={meeting.scheduledAt.toISOString()}
          title={meeting.title}
          canCancel={board.rows.length === 0}
        />
      ) : null}
      {canDrive && (meeting.phase === "PLANNED" || meeting.phase === "READING") ? (
        <div className={`flex flex-col gap-6 ${joined ? "max-lg:order-1" : ""}`}>
          <MeetingLink groupSlug={meeting.group.slug} number={meeting.number} />
          <Link
            href={`/groups/${meeting.group.slug}/meetings/${meeting.number}/projector`}
            className={buttonClass("secondary", "self-start")}
          >
            {t("projector.open")}
          </Link>
        </div>
      ) : null}
      {meeting.phase === "RECAP" ? (
        <div className="space-y-4">
          <Notice tone="info">{t("meeting.recapNotice")}</Notice>
          <div className="flex flex-wrap gap-3">
            <Link
              href={`/groups/${meeting.group.slug}/meetings/${meeting.number}/recap`}
              className={buttonClass("primary")}
            >
              {t("recap.open")}
            </Link>
            {canDrive ? (
              <Link
                href={`/groups/${meeting.group.slug}/meetings/${meeting.number}/remote`}
                className={buttonClass("secondary")}
              >
                {t("recap.remote")}
              </Link>
            ) : null}
          </div>
          {canDrive ? (
            <OrderEditor
              initial={board}
              names={Object.fromEntries(board.rows.map((r) => [r.readingId, r.name]))}
            />
          ) : null}
        </div>
      ) : null}
      {meeting.phase === "RECAP" || meeting.phase === "CLOSED" ? (
        <Link
          href={`/groups/${meeting.group.slug}/meetings/${meeting.number}/minutes`}
          className={buttonClass(meeting.phase === "CLOSED" ? "primary" : "secondary")}
        >
          {t("minutes.open")}
        </Link>
      ) : null}
      {meeting.phase === "CLOSED" ? (
        <ClosedSummaries slides={await listRecapSlides(meeting.id)} />
      ) : null}
      {meeting.phase === "CLOSED" ? <Notice tone="info">{t("meeting.closedNotice")}</Notice> : null}
      {!joined && open ? (
        <JoinMeetingForm
          queue={offers}
          meetingId={meeting.id}
          groupSlug={meeting.group.slug}
          number={meeting.number}
        />
      ) : null}

      <MeetingLive
        initial={board}
        userId={user.id}
        groupSlug={meeting.group.slug}
        number={meeting.number}
        full={canDrive}
      >
        {reading ? (
          <SummaryPanel
            readingId={reading.id}
            initial={{
              version: reading.version,
              summary: reading.summary,
              savedAt: reading.lastSavedAt?.getTime() ?? null,
              snapshot: reading.snapshot,
              closed: meeting.phase === "CLOSED",
            }}
          />
        ) : null}
      </MeetingLive>

      <div className="flex flex-col gap-6 empty:hidden max-lg:order-2">
        {suggestions.length > 0 ? (
          <QueueSuggestions groupSlug={meeting.group.slug} suggestions={suggestions} />
        ) : null}

        {members.length > 0 ? (
          <FacilitatorPicker
            groupSlug={meeting.group.slug}
            number={meeting.number}
            members={members.map((m) => m.user)}
            current={meeting.facilitatorId}
          />
        ) : null}
        {admin ? <DeleteMeeting groupSlug={meeting.group.slug} number={meeting.number} /> : null}
      </div>
    </div>
  );
}
