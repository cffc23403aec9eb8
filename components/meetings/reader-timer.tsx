"use client";

import {
  useActionState,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { useTranslations } from "next-intl";
import { PaperLink } from "@/components/papers/paper-link";
import { useReadingRoom } from "@/components/reading-room/room";
import { preloadPdfViewer } from "@/components/reading-room/room-layout";
import { ChangePaperForm } from "./join-meeting-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { leaveMeetingAction, readingCommandAction } from "@/lib/meetings/actions";
import {
  deadline,
  formatClock,
  remainingMs,
  statusAt,
  warningLevel,
  type CountdownState,
} from "@/lib/readings/countdown";
import { playChime } from "./chime";

// The notification permission, read once and again only when it changes. Reading
// `Notification.permission` asks the browser process synchronously: done at every clock tick it
// cost the reading page a quarter of a second of main thread per few seconds on a slow phone.
type Permission = NotificationPermission | "unsupported";
let knownPermission: Permission | null = null;
function readPermission(): Permission {
  knownPermission ??= typeof Notification === "undefined" ? "unsupported" : Notification.permission;
  return knownPermission;
}
function subscribePermission(onChange: () => void): () => void {
  let status: PermissionStatus | null = null;
  let cancelled = false;
  const changed = () => {
    knownPermission = null;
    onChange();
  };
  navigator.permissions
    ?.query({ name: "notifications" })
    .then((s) => {
      if (cancelled) return;
      status = s;
      s.addEventListener("change", changed);
    })
    .catch(() => undefined);
  return () => {
    cancelled = true;
    status?.removeEventListener("change", changed);
  };
}

function setDocumentTitle(title: string) {
  document.title = title;
}

/** The reader's paper as the timer card names it: title and where to read it. */
export type TimerPaper = {
  title: string;
  href: string | null;
  pdf: string | null;
  html: string | null;
};

type Props = {
  meetingId: string;
  groupSlug: string;
  number: number;
  paper: TimerPaper;
  countdown: CountdownState;
  /** The server's now; null until the browser has measured its clock against the server's. */
  now: number | null;
  canControl: boolean;
};

function Command({
  command,
  label,
  variant,
  groupSlug,
  number,
}: {
  command: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  groupSlug: string;
  number: number;
}) {
  const [state, action] = useActionState(readingCommandAction, idleState);
  const f = useFormText(state);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="command" value={command} />
      <SubmitButton variant={variant ?? "secondary"} pendingLabel="…" className="min-w-28">
        {label}
      </SubmitButton>
      {state.status === "error" ? <div className="basis-full">{f.notice()}</div> : null}
    </form>
  );
}

/** The countdown's card: heading and the paper, linked; the clock and controls go inside. */
function TimerCard({
  paper,
  busy = false,
  children,
}: {
  paper: TimerPaper;
  busy?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("timer");
  const tm = useTranslations("meeting");
  const tr = useTranslations("room");
  const room = useReadingRoom();
  const links = [
    ["linkAbstract", paper.href],
    ["linkPdf", paper.pdf],
    ["linkHtml", paper.html],
  ] as const;
  return (
    <section
      aria-labelledby="timer-title"
      aria-busy={busy || undefined}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="timer-title" className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
        {t("yourTimer")}
      </h2>
      <p className="mt-1 truncate text-slate-800" title={paper.title}>
        <PaperLink href={paper.href}>{paper.title}</PaperLink>
      </p>
      {room ? (
        <button
          type="button"
          aria-expanded={room.open}
          onClick={() => room.setOpen(!room.open)}
          onPointerEnter={preloadPdfViewer}
          onFocus={preloadPdfViewer}
          className={buttonClass(room.open ? "secondary" : "primary", "mt-3")}
          data-testid="open-paper"
        >
          {room.open ? tr("close") : tr("open")}
        </button>
      ) : null}
      {paper.pdf || paper.html ? (
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm" data-testid="paper-links">
          {links.map(([label, href]) =>
            href ? (
              <a
                key={label}
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                className="text-brand-700 underline"
              >
                {tm(label)}
              </a>
            ) : null,
          )}
        </p>
      ) : null}
      {children}
    </section>
  );
}

/** Before the countdown starts, a reader can still pick another paper or leave. */
function BeforeStart({
  meetingId,
  groupSlug,
  number,
  paperTitle,
}: {
  meetingId: string;
  groupSlug: string;
  number: number;
  paperTitle: string;
}) {
  const t = useTranslations("meeting");
  const [state, action] = useActionState(leaveMeetingAction, idleState);
  const f = useFormText(state);
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-3">
      <details className="group">
        <summary className="text-brand-700 cursor-pointer text-sm underline">
          {t("changePaper")}
        </summary>
        <div className="mt-3">
          <ChangePaperForm
            meetingId={meetingId}
            groupSlug={groupSlug}
            number={number}
            title={paperTitle}
          />
        </div>
      </details>
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm(t("leaveConfirm"))) e.preventDefault();
        }}
      >
        <input type="hidden" name="groupSlug" value={groupSlug} />
        <input type="hidden" name="number" value={number} />
        <SubmitButton variant="ghost" pendingLabel="…" className="px-0 text-sm text-red-700">
          {t("leaveMeeting")}
        </SubmitButton>
        {state.status === "error" ? f.notice() : null}
      </form>
    </div>
  );
}

/** The reader's countdown commands, and before the start a way to change paper or leave. */
function Controls({
  status,
  meetingId,
  groupSlug,
  number,
  paperTitle,
}: {
  status: ReturnType<typeof statusAt>;
  meetingId: string;
  groupSlug: string;
  number: number;
  paperTitle: string;
}) {
  const t = useTranslations("timer");
  return (
    <>
      <div className="mt-4 flex flex-wrap gap-2">
        {status === "notStarted" ? (
          <Command
            command="start"
            label={t("start")}
            variant="primary"
            groupSlug={groupSlug}
            number={number}
          />
        ) : null}
        {status === "reading" || status === "overtime" ? (
          <Command command="pause" label={t("pause")} groupSlug={groupSlug} number={number} />
        ) : null}
        {status === "paused" ? (
          <Command
            command="resume"
            label={t("resume")}
            variant="primary"
            groupSlug={groupSlug}
            number={number}
          />
        ) : null}
        {status === "reading" || status === "overtime" || status === "paused" ? (
          <>
            <Command command="extend" label={t("extend")} groupSlug={groupSlug} number={number} />
            <Command command="finish" label={t("finish")} groupSlug={groupSlug} number={number} />
          </>
        ) : null}
      </div>
      {status === "notStarted" ? (
        <BeforeStart
          meetingId={meetingId}
          groupSlug={groupSlug}
          number={number}
          paperTitle={paperTitle}
        />
      ) : null}
    </>
  );
}

/**
 * The reader's countdown. Until the browser's clock is measured against the server's (a round
 * trip), the card shows its frame: no digits that could be wrong, the commands in place but
 * disabled. The frame and the live timer are one tree, so the clock's box is painted once and only
 * its text changes when the time arrives: nothing moves, and the page's largest text is there
 * from the first paint.
 */
export function ReaderTimer({
  meetingId,
  groupSlug,
  number,
  paper,
  countdown,
  now,
  canControl,
}: Props) {
  const t = useTranslations("timer");
  const measuring = now === null;
  // While measuring, the status at the countdown's own last event: the same commands either way
  // (the time only tells reading from overtime, which show the same ones).
  const status = statusAt(countdown, now ?? countdown.finishedAt ?? countdown.startedAt ?? 0);
  const remaining = now === null ? 0 : remainingMs(countdown, now);
  const warning = status === "reading" && !measuring ? warningLevel(remaining) : null;
  const overtime = !measuring && (status === "overtime" || (status === "done" && remaining < 0));
  const permission = useSyncExternalStore(
    subscribePermission,
    readPermission,
    () => "unsupported" as const,
  );
  const [answered, setAnswered] = useState<NotificationPermission | null>(null);
  const notify = answered ?? permission;
  const previousStatus = useRef<typeof status | null>(null);
  const chimedFor = useRef<number | null>(null);
  const timeUpAt = deadline(countdown);

  // Time-up, seen live: chime, notification, once per deadline. (Loading a page already in
  // overtime stays quiet.)
  useEffect(() => {
    if (measuring) return;
    if (
      previousStatus.current === "reading" &&
      status === "overtime" &&
      chimedFor.current !== timeUpAt
    ) {
      chimedFor.current = timeUpAt;
      playChime();
      if (typeof Notification !== "undefined" && Notification.permission === "granted") {
        try {
          new Notification(t("notifyTitle"), {
            body: t("notifyBody", { paper: paper.title }),
            tag: "yomikai-time-up",
          });
        } catch {
          // Some browsers only allow notifications from a service worker.
        }
      }
    }
    previousStatus.current = status;
  }, [measuring, status, paper.title, t, timeUpAt]);

  // The tab title carries the time, so a background tab still tells it.
  useEffect(() => {
    if (measuring) return;
    const base = document.title.replace(/^(⏰ .*? · |\+?\d\d:\d\d · )/, "");
    if (status === "reading" || status === "paused")
      setDocumentTitle(`${formatClock(remaining)} · ${base}`);
    else if (status === "overtime")
      setDocumentTitle(
        `⏰ ${t("titleTimeUp")} +${formatClock(remaining).replace("+", "")} · ${base}`,
      );
    else setDocumentTitle(base);
  }, [measuring, status, remaining, t]);

  // Disabled while the clock is measured: the commands are in place, nothing moves when it arrives.
  const controls = (
    <Controls
      status={status}
      meetingId={meetingId}
      groupSlug={groupSlug}
      number={number}
      paperTitle={paper.title}
    />
  );
  return (
    <TimerCard paper={paper} busy={measuring}>
      <div className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-2">
        <p
          data-testid="time-left"
          aria-label={overtime ? t("overtime") : t("timeLeft")}
          className={`font-mono text-6xl font-bold tabular-nums sm:text-7xl ${
            measuring
              ? "text-slate-300"
              : overtime || warning === 1
                ? "text-red-600"
                : warning === 5
                  ? "text-amber-600"
                  : "text-slate-900"
          }`}
        >
          {measuring ? "--:--" : formatClock(remaining)}
        </p>
        {measuring ? null : (
          <p
            data-testid="timer-status"
            className={`pb-2 text-sm font-medium ${overtime ? "text-red-700" : "text-slate-600"}`}
          >
            {t(`status.${status}`)}
          </p>
        )}
      </div>
      {/* Announced to screen readers when it changes: each warning once, then time-up. */}
      <div role="status" aria-live="assertive" className="mt-3 min-h-7 text-sm font-medium">
        {status === "overtime" ? (
          <p data-testid="timer-alert" className="rounded bg-red-50 px-3 py-1 text-red-800">
            {t("timeUp")}
          </p>
        ) : warning ? (
          <p data-testid="timer-alert" className="rounded bg-amber-50 px-3 py-1 text-amber-900">
            {t("warning", { minutes: warning })}
          </p>
        ) : status === "notStarted" && !measuring ? (
          <p className="text-slate-600">{t("ready")}</p>
        ) : null}
      </div>
      {!canControl ? null : measuring ? (
        <fieldset disabled className="contents">
          {controls}
        </fieldset>
      ) : (
        controls
      )}
      {measuring && status !== "done" ? (
        // Where "Notify me at time-up" goes once the browser says it can.
        <div className="mt-3 min-h-8" aria-hidden />
      ) : notify === "default" && status !== "done" ? (
        <button
          type="button"
          className="text-brand-700 mt-3 min-h-8 text-sm underline"
          onClick={async () => {
            const answer = await Notification.requestPermission();
            knownPermission = answer;
            setAnswered(answer);
          }}
        >
          {t("enableNotifications")}
        </button>
      ) : notify === "granted" && status !== "done" ? (
        <p className="mt-3 text-xs text-slate-500">{t("notificationsOn")}</p>
      ) : null}
    </TimerCard>
  );
}
