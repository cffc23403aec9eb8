"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import {
  apply,
  formatElapsed,
  isClosingSlide,
  presenterElapsed,
  timerLevel,
  type RecapState,
} from "@/lib/recap/recap";
import { playChime } from "@/components/meetings/chime";
import { useMeetingEvents } from "@/components/meetings/use-meeting-events";
import { useServerNow, useServerOffset } from "@/components/meetings/use-server-clock";
import { useRecapCommands } from "./use-recap-commands";
import { PresenterProgress } from "./presenter-progress";
import { PaperLink } from "@/components/papers/paper-link";
import { paperHref } from "@/lib/papers/links";
import { screenThemeVars, useScreenTheme } from "@/components/ui/screen-theme";
import { fitSlideScript, useFitToHeight } from "./use-fit-to-height";

type Props = {
  initial: BoardState;
  canDrive: boolean;
  meetingPath: string;
  closeMeeting: (formData: FormData) => Promise<void>;
  meetingRef: { groupSlug: string; number: number };
  /** The page's CSP nonce, for the inline script that fits the first paint. */
  nonce: string | null;
};

const levelClass = {
  normal: "text-[var(--fg)]",
  soft: "text-[var(--warn)]",
  hard: "text-[var(--late)]",
};

export function RecapScreen({
  initial,
  canDrive,
  meetingPath,
  closeMeeting,
  meetingRef,
  nonce,
}: Props) {
  const t = useTranslations();
  const router = useRouter();
  const { board, connected } = useMeetingEvents(
    initial,
    (phase) => phase === "CLOSED" && router.push(meetingPath),
  );
  const now = useServerNow(useServerOffset(), 200);
  const { send, error } = useRecapCommands(initial.meetingId);
  const [theme, toggleTheme] = useScreenTheme();
  const rootRef = useRef<HTMLDivElement>(null);
  const server = board.recap;
  const serverState: RecapState = {
    order: server.order,
    index: server.index,
    startedAt: server.startedAt,
    pausedAt: server.pausedAt,
    pausedMs: server.pausedMs,
  };
  // A key press shows at once: the command is applied here as the server will apply it, and the
  // server's state takes over when its next board arrives after every command has been answered.
  const [pending, setPending] = useState<{ base: typeof server; state: RecapState } | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const state = pending && (pending.base === server || inFlight > 0) ? pending.state : serverState;
  const r = { ...server, ...state };
  const drive = (command: "next" | "back" | "pause") => {
    const step = apply(state, command, now ?? Date.now());
    setPending({ base: server, state: step.state });
    setInFlight((n) => n + 1);
    void send({ command }).finally(() => setInFlight((n) => n - 1));
  };
  // The key handler below is registered once; it reaches the latest state through this.
  const driveRef = useRef(drive);
  useEffect(() => {
    driveRef.current = drive;
  });
  // The slides come with every live board: an answer edited or a reader joining during the recap
  // shows at once.
  const byId = new Map(board.slides.map((s) => [s.readingId, s]));
  const current = isClosingSlide(state) ? null : byId.get(r.order[r.index]!);
  const upNext = byId.get(r.order[r.index + 1] ?? "");
  // Until the clock is measured the timer shows no digits rather than a wrong time.
  const elapsed = now === null ? null : presenterElapsed(state, now);
  const level = elapsed === null ? "normal" : timerLevel(elapsed, r.softSeconds, r.hardSeconds);

  // A chime when the presenter reaches the hard limit (once per presenter).
  // Once per turn: a turn ends when the presenter's timer is cleared (next, back), not when the
  // screen's own estimate of the start gives way to the server's.
  const chimed = useRef<number | null>(null);
  useEffect(() => {
    if (r.startedAt === null) {
      chimed.current = null;
    } else if (level === "hard" && chimed.current !== r.index) {
      chimed.current = r.index;
      playChime();
    }
  }, [level, r.index, r.startedAt]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (
        e.altKey ||
        e.ctrlKey ||
        e.metaKey ||
        (e.target as HTMLElement).closest("input, textarea, select")
      )
        return;
      if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        if (document.fullscreenElement) void document.exitFullscreen();
        else void rootRef.current?.requestFullscreen?.().catch(() => undefined);
        return;
      }
      if (e.key === "Escape") {
        if (!document.fullscreenElement) router.push(meetingPath);
        return;
      }
      if (!canDrive) return;
      if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") {
        e.preventDefault();
        driveRef.current("next");
      } else if (e.key === "ArrowLeft" || e.key === "PageUp") {
        e.preventDefault();
        driveRef.current("back");
      } else if (e.key === "p" || e.key === "P") {
        e.preventDefault();
        driveRef.current("pause");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canDrive, meetingPath, router]);

  const { frame, content } = useFitToHeight<HTMLElement, HTMLElement>(
    current
      ? [current.readingId, current.gist, ...current.answers.map((a) => a.text)].join("\u0000")
      : `closing:${r.order.length}`,
  );
  const totalMs = Object.values(r.presentedMs).reduce((a, b) => a + b, 0);
  return (
    <div
      ref={rootRef}
      data-testid="recap-screen"
      data-theme={theme}
      data-syncing={inFlight > 0}
      style={screenThemeVars[theme]}
      className="fixed inset-0 z-40 flex flex-col overflow-hidden bg-[var(--bg)] text-[var(--fg)]"
    >
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-[var(--line)] px-6 py-3 text-lg">
        <p data-testid="recap-progress" className="font-medium text-[var(--muted)]">
          {current
            ? t("recap.progress", { current: r.index + 1, total: r.order.length })
            : t("recap.closing")}
        </p>
        {current ? (
          <p
            data-testid="presenter-timer"
            data-level={level}
            aria-live="off"
            className={`font-mono text-5xl font-bold tabular-nums ${levelClass[level]}`}
          >
            {elapsed === null ? "–:––" : formatElapsed(elapsed)}
            <span className="ml-2 text-2xl font-medium text-[var(--muted)]">
              {t("recap.target", { limit: formatElapsed(r.hardSeconds * 1000) })}
            </span>
            {r.pausedAt !== null ? (
              <span className="ml-3 text-xl font-medium text-[var(--muted)]">
                {t("recap.paused")}
              </span>
            ) : null}
          </p>
        ) : null}
        <div className="flex items-center gap-2 text-sm">
          {!connected ? (
            <span className="text-[var(--warn)]">{t("board.reconnecting")}</span>
          ) : null}
          {!canDrive ? <span className="text-[var(--muted)]">{t("recap.following")}</span> : null}
          <button
            type="button"
            onClick={toggleTheme}
            className="rounded border border-[var(--line)] px-3 py-1.5"
          >
            {theme === "dark" ? t("recap.light") : t("recap.dark")}
          </button>
          <button
            type="button"
            onClick={() => router.push(meetingPath)}
            className="rounded border border-[var(--line)] px-3 py-1.5"
          >
            {t("recap.leave")}
          </button>
        </div>
      </header>

      {current ? (
        <PresenterProgress
          elapsed={elapsed}
          softSeconds={r.softSeconds}
          hardSeconds={r.hardSeconds}
          level={level}
          className="px-6 pt-3"
        />
      ) : null}
      <main
        ref={frame}
        data-fit-frame
        className="min-h-0 flex-1 overflow-y-auto px-6 py-6 sm:px-12"
        aria-live="polite"
      >
        {current ? (
          <article
            ref={content}
            data-fit-content
            data-testid="recap-slide"
            className="mx-auto max-w-[110rem] space-y-5"
          >
            <div>
              <h1 data-testid="presenter-name" className="text-4xl font-bold sm:text-6xl">
                {current.name}
              </h1>
              <p className="mt-2 text-2xl font-semibold sm:text-3xl">
                <PaperLink href={paperHref(current.paper)}>{current.paper.title}</PaperLink>
              </p>
              {current.paper.authors.length || current.paper.year ? (
                <p className="mt-1 text-lg text-[var(--muted)]">
                  {[current.paper.authors.join(", "), current.paper.year]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              ) : null}
              {current.gist ? <p className="mt-3 text-2xl italic">{current.gist}</p> : null}
            </div>
            {r.startedAt === null && canDrive ? (
              <p className="text-lg text-[var(--muted)]">{t("recap.pressToStart")}</p>
            ) : null}
            <div className="grid gap-4 min-[1800px]:grid-cols-3 lg:grid-cols-2">
              {current.answers.map((a) => (
                <section
                  key={a.key}
                  className="rounded-lg bg-[var(--card)] p-4 text-[calc(1.25rem*var(--slide-scale,1))] leading-relaxed"
                >
                  <h2 className="mb-2 text-[0.7em] font-semibold tracking-wide text-[var(--muted)] uppercase">
                    {t(`questions.${a.key}.label`)}
                  </h2>
                  <div
                    className="markdown"
                    // Made on the server from the reader's Markdown, sanitised there
                    // (lib/markdown-html.ts): the screen ships no Markdown parser.
                    dangerouslySetInnerHTML={{ __html: a.html }}
                  />
                </section>
              ))}
            </div>
          </article>
        ) : (
          <article
            ref={content}
            data-fit-content
            data-testid="closing-slide"
            className="mx-auto max-w-6xl space-y-6"
          >
            <h1 className="text-4xl font-bold">{t("recap.closingTitle")}</h1>
            <ol className="space-y-3 text-[calc(1.25rem*var(--slide-scale,1))]">
              {r.order.map((id) => {
                const s = byId.get(id);
                if (!s) return null;
                return (
                  <li key={id} className="rounded-lg bg-[var(--card)] p-4">
                    <p className="font-semibold">
                      {s.paper.title}{" "}
                      <span className="font-normal text-[var(--muted)]">— {s.name}</span>
                    </p>
                    {s.gist ? <p className="mt-1 italic">{s.gist}</p> : null}
                    {r.presentedMs[id] !== undefined ? (
                      <p className="mt-1 text-[0.8em] text-[var(--muted)]">
                        {formatElapsed(r.presentedMs[id]!)}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <p data-testid="total-time" className="text-xl">
              {t("recap.total", { time: formatElapsed(totalMs) })}
            </p>
            {canDrive ? (
              <form
                action={closeMeeting}
                onSubmit={(e) => {
                  if (!window.confirm(t("meeting.closeConfirm"))) e.preventDefault();
                }}
              >
                <input type="hidden" name="groupSlug" value={meetingRef.groupSlug} />
                <input type="hidden" name="number" value={meetingRef.number} />
                <button
                  type="submit"
                  className="bg-brand-600 rounded-md px-5 py-3 text-lg font-semibold text-white"
                >
                  {t("meeting.close")}
                </button>
              </form>
            ) : null}
          </article>
        )}
      </main>
      {/* Fits the slide before the first paint; afterwards useFitToHeight keeps it fitted. */}
      <script
        nonce={nonce ?? undefined}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: fitSlideScript }}
      />

      <footer className="flex flex-wrap items-center justify-between gap-3 border-t border-[var(--line)] px-6 py-3 text-lg">
        <p data-testid="next-up">
          {current && upNext
            ? t("recap.nextUp", { name: upNext.name, paper: upNext.paper.title })
            : current
              ? t("recap.lastOne")
              : ""}
        </p>
        {canDrive ? <p className="text-sm text-[var(--muted)]">{t("recap.keys")}</p> : null}
        {error ? (
          <p role="alert" className="text-sm text-[var(--late)]">
            {t(error)}
          </p>
        ) : null}
      </footer>
    </div>
  );
}
