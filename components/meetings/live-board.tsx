"use client";

import { Activity, memo, useMemo, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import { formatClock, remainingMs, statusAt } from "@/lib/readings/countdown";
import { ReaderTimer } from "./reader-timer";
import { useServerNow, useServerOffset } from "./use-server-clock";
import { useMeetingEvents } from "./use-meeting-events";
import { ReadingClockContext } from "./reading-clock";
import { PaperLink } from "@/components/papers/paper-link";
import { ReadingRoomProvider } from "@/components/reading-room/room";
import { RoomLayout } from "@/components/reading-room/room-layout";
import { boardPaperKey, referenceNumber } from "@/lib/meetings/reference-number";

const STATUSES = ["notStarted", "reading", "paused", "overtime", "done"] as const;

type Props = {
  /** The reader's summary form, shown under their countdown. */
  children?: ReactNode;
  initial: BoardState;
  userId: string;
  groupSlug: string;
  number: number;
  /** The facilitator gets the full board; readers a compact one beside their timer. */
  full: boolean;
};

/** The meeting's live state: the reader's own countdown and everyone's, kept current over SSE. */
export function MeetingLive({ children, initial, userId, groupSlug, number, full }: Props) {
  const t = useTranslations("board");
  const ts = useTranslations("timer.status");
  const tm = useTranslations("meeting");
  const router = useRouter();
  // The status column is as wide as its longest word in this language from the first paint, so a
  // status replacing "…" moves nothing (about 0.62 em a Latin letter, 1 em a kana or kanji).
  const statusWidth = useMemo(
    () =>
      `${Math.max(
        ...STATUSES.map((k) =>
          [...ts(k)].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.62 : 1), 0),
        ),
      ).toFixed(2)}em`,
    [ts],
  );
  const { board, connected } = useMeetingEvents(initial, () => router.refresh());
  const offset = useServerOffset();
  const now = useServerNow(offset);

  const mine = board.rows.find((r) => r.userId === userId);
  // A closed meeting is a record: no frozen timer, nothing "live".
  const closed = board.phase === "CLOSED";

  const work = mine ? (
    <>
      {closed ? null : (
        <ReaderTimer
          meetingId={board.meetingId}
          groupSlug={groupSlug}
          number={number}
          paper={{
            title: mine.paperTitle,
            href: mine.paperHref,
            pdf: mine.paperPdf,
            html: mine.paperHtml,
          }}
          countdown={mine.countdown}
          now={now}
          canControl={board.phase === "PLANNED" || board.phase === "READING"}
        />
      )}
      {children}
    </>
  ) : null;
  const layout = (
    <RoomLayout
      className={`grid items-start gap-6 ${mine ? "lg:grid-cols-[minmax(0,1fr)_20rem] 2xl:grid-cols-[minmax(0,1fr)_24rem]" : ""}`}
      work={work}
      board={
        <section
          aria-labelledby="board-title"
          className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${mine ? "lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto" : ""}`}
        >
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 id="board-title" className="font-semibold">
              {t("title")} <span className="text-slate-500">({board.rows.length})</span>
            </h2>
            {closed ? null : (
              // Both words hold their place, one hidden: the box is as wide as the longer, so a
              // dropped connection and its return move nothing beside them.
              <span className="grid justify-items-end text-xs" role="status">
                {([true, false] as const).map((live) => (
                  <span
                    key={String(live)}
                    className={`col-start-1 row-start-1 flex items-center gap-1.5 ${live ? "text-emerald-700" : "text-amber-700"} ${connected === live ? "" : "invisible"}`}
                  >
                    <span
                      aria-hidden
                      className={`size-2 rounded-full ${live ? "bg-emerald-500" : "bg-amber-500"}`}
                    />
                    {live ? t("live") : t("reconnecting")}
                  </span>
                ))}
              </span>
            )}
          </div>
          {board.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t("empty")}</p>
          ) : (
            // A boundary of their own: the page hydrates the reader's timer and form first and the
            // fifty rows after, in a task of their own, instead of a phone's main thread taking
            // both at once. An Activity rather than a Suspense boundary: React sends a large
            // Suspense boundary's HTML after the rest of the page and swaps it in a frame or two
            // later; an Activity's rows stay where they are in the HTML and show with the page.
            <Activity mode="visible">
              <ul className="divide-y divide-slate-100" data-testid="board">
                {board.rows.map((row) => {
                  const status = now === null ? null : statusAt(row.countdown, now);
                  const remaining = now === null ? 0 : remainingMs(row.countdown, now);
                  return (
                    <BoardRow
                      key={row.readingId}
                      name={row.name}
                      you={row.userId === userId ? t("you") : null}
                      reread={row.reread ? tm("reread") : null}
                      paperTitle={row.paperTitle}
                      paperHref={row.paperHref}
                      // A closed meeting is a record: its readers are listed without clocks.
                      clock={
                        closed || status === null || status === "notStarted"
                          ? ""
                          : formatClock(remaining)
                      }
                      late={status === "overtime" || (status === "done" && remaining < 0)}
                      status={status ? ts(status) : null}
                      statusWidth={statusWidth}
                      answered={full ? t("answered", { count: row.answered }) : null}
                    />
                  );
                })}
              </ul>
            </Activity>
          )}
        </section>
      }
    />
  );
  if (!mine) return layout;
  return (
    <ReadingClockContext.Provider
      value={closed ? null : { paperTitle: mine.paperTitle, countdown: mine.countdown, now }}
    >
      {closed ? (
        layout
      ) : (
        <ReadingRoomProvider
          readingId={mine.readingId}
          refNumber={
            referenceNumber(
              board.rows.map((r) => ({ readingId: r.readingId, paperKey: boardPaperKey(r) })),
              board.recap.order,
              mine.readingId,
            ) ?? 1
          }
          paperTitle={mine.paperTitle}
          paperHref={mine.paperHref ?? mine.paperPdf}
        >
          {layout}
        </ReadingRoomProvider>
      )}
    </ReadingClockContext.Provider>
  );
}

/**
 * One reader on the board. The board is drawn again at every clock tick; a row only when what it
 * shows changes (its clock's second, its status, its answers), so 50 readers cost 50 cheap
 * comparisons a tick rather than 50 rows.
 */
const BoardRow = memo(function BoardRow({
  name,
  you,
  reread,
  paperTitle,
  paperHref,
  clock,
  late,
  status,
  statusWidth,
  answered,
}: {
  name: string;
  /** The words that mark the viewer's own row, on that row only. */
  you: string | null;
  /** The "read before" badge, for a reader who read this paper in an earlier meeting. */
  reread: string | null;
  paperTitle: string;
  paperHref: string | null;
  clock: string;
  late: boolean;
  /** The status in words; null until the clock is measured. */
  status: string | null;
  /** The width of the longest status (a CSS length). */
  statusWidth: string;
  /** "n answered", on the facilitator's board only. */
  answered: string | null;
}) {
  // Labels come in as text: a hook per row would make 50 translators for one board.
  return (
    <li
      data-reader={name}
      className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-0.5 py-2.5"
    >
      <p className="truncate font-medium">
        {name}
        {you ? <span className="font-normal text-slate-500"> ({you})</span> : null}
        {reread ? (
          <span
            data-testid="reread"
            className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
          >
            {reread}
          </span>
        ) : null}
      </p>
      <p
        className={`min-h-6 min-w-[6ch] text-right font-mono tabular-nums ${late ? "text-red-600" : "text-slate-900"}`}
        data-testid="board-time"
      >
        {clock}
      </p>
      <p className="truncate text-sm text-slate-600" title={paperTitle}>
        <PaperLink href={paperHref}>{paperTitle}</PaperLink>
      </p>
      <p className="text-right text-xs text-slate-600">
        {answered !== null ? <span>{answered} · </span> : null}
        {/* A box as wide as the longest status, its text from the left: "…" becoming a status
            moves nothing, where right-aligned text would start elsewhere. */}
        <span
          data-testid="board-status"
          className="inline-block text-left"
          style={{ minWidth: statusWidth }}
        >
          {status ?? "…"}
        </span>
      </p>
    </li>
  );
});
