"use client";

import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import type { RecapSlide } from "@/lib/recap/schema";
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
  // server's state takes over once every command is answered and a board at least as new as the
  // last answer has arrived (a board already on its way when the key was pressed is older).
  const [pending, setPending] = useState<{ state: RecapState; revision: number } | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const syncing = pending !== null && (inFlight > 0 || server.revision < pending.revision);
  const state = syncing ? pending.state : serverState;
  const r = { ...server, ...state };
  const drive = (command: "next" | "back" | "pause") => {
    const step = apply(state, command, now ?? Date.now());
    setPending((p) => ({ state: step.state, revision: p?.revision ?? 0 }));
    setInFlight((n) => n + 1);
    void send({ command })
      .then((done) => {
        if (done) setPending((p) => p && { ...p, revision: Math.max(p.revision, done.revision) });
      })
      .finally(() => setInFlight((n) => n - 1));
  };
  // The key handler below is registered once; it reaches the latest state through this.
  const driveRef = useRef(drive);
  useEffect(() => {
    driveRef.current = drive;
  });
  // The slides come with every live board: an answer edited or a reader joining during the recap
  // shows at once. The page carries only those a key press reaches (lib/meetings/board.ts); one
  // needed before the first live board arrives (or while the stream is cut) is asked for.
  const byId = useSlides(board, state);
  const closing = isClosingSlide(state);
  const currentId = closing ? null : r.order[r.index]!;
  const current = currentId === null ? null : byId.get(currentId);
  // A presenter whose slide is on its way: their name and paper from the board meanwhile.
  const arriving =
    currentId !== null && !current ? board.rows.find((x) => x.readingId === currentId) : undefined;
  const nextId = r.order[r.index + 1];
  const nextSlide = nextId === undefined ? undefined : byId.get(nextId);
  const nextRow = nextSlide ? undefined : board.rows.find((x) => x.readingId === nextId);
  const upNext = nextSlide
    ? { name: nextSlide.name, paper: nextSlide.paper.title }
    : nextRow
      ? { name: nextRow.name, paper: nextRow.paperTitle }
      : null;
  // Until the clock is measured the timer shows no digits rather than a wrong time.
  const elapsed = now === null ? null : presenterElapsed(state, now);
  const level = elapsed === null ? "normal" : timerLevel(elapsed, r.softSeconds, r.hardSeconds);

  const presenting = Boolean(current ?? arriving);
  const slideKey = current
    ? [current.readingId, current.gist, ...current.answers.map((a) => a.text)].join("\u0000")
    : arriving
      ? `arriving:${arriving.readingId}`
      : `closing:${r.order.length}`;
  const { frame, content, pages } = useFitToHeight<HTMLElement, HTMLElement>(slideKey);
  // Which screenful of a long slide shows: back to the first for every presenter, and kept
  // within the slide's pages when an edit shortens it.
  const pagingId = current?.readingId ?? "";
  const [paging, setPaging] = useState({ readingId: pagingId, page: 0 });
  // A new presenter (or the same one again after another): their slide from its first page.
  if (paging.readingId !== pagingId) setPaging({ readingId: pagingId, page: 0 });
  const page = paging.readingId === pagingId ? Math.min(paging.page, pages - 1) : 0;
  const pageRef = useRef({ page, pages, pagingId });
  useEffect(() => {
    pageRef.current = { page, pages, pagingId };
  });

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
      // ↓ / PageDown (a clicker's "next") shows the rest of a long slide before moving on; the
      // screen's own view, so a follower may page too.
      const { page, pages, pagingId } = pageRef.current;
      if ((e.key === "ArrowDown" || e.key === "PageDown") && page < pages - 1) {
        e.preventDefault();
        setPaging({ readingId: pagingId, page: page + 1 });
        return;
      }
      if ((e.key === "ArrowUp" || e.key === "PageUp") && page > 0) {
        e.preventDefault();
        setPaging({ readingId: pagingId, page: page - 1 });
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

  const totalMs = Object.values(r.presentedMs).reduce((a, b) => a + b, 0);
  return (
    <div
      ref={rootRef}
      data-testid="recap-screen"
      data-fit-root
      data-theme={theme}
      data-syncing={syncing}
      style={screenThemeVars[theme]}
      className="fixed inset-0 z-40 flex flex-col overflow-hidden bg-[var(--bg)] text-[var(--fg)]"
    >
      {/* The header, progress bar and footer grow on a big screen as the slide's type does. */}
      <header className="relative flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-[var(--line)] px-4 py-2 text-lg min-[1900px]:[zoom:1.4] min-[3000px]:[zoom:2.2] sm:px-6 sm:py-3">
        <p data-testid="recap-progress" className="font-medium text-[var(--muted)]">
          {presenting
            ? t("recap.progress", { current: r.index + 1, total: r.order.length })
            : t("recap.closing")}
        </p>
        {presenting ? (
          <p
            data-testid="presenter-timer"
            data-level={level}
            aria-live="off"
            className={`font-mono text-4xl font-bold tabular-nums sm:text-5xl ${levelClass[level]}`}
          >
            {formatElapsed(elapsed)}
            <span className="ml-2 text-xl font-medium text-[var(--muted)] sm:text-2xl">
              {t("recap.target", { limit: formatElapsed(r.hardSeconds * 1000) })}
            </span>
            {r.pausedAt !== null ? (
              <span className="ml-3 text-xl font-medium text-[var(--muted)]">
                {t("recap.paused")}
              </span>
            ) : null}
          </p>
        ) : null}
        {/* A dropped connection is said under the header's edge, over the slide: in the header's
            row the word would push the timer and the buttons aside as it came and went. */}
        <span role="status" className="absolute top-full right-4 z-10 mt-2 text-sm sm:right-6">
          {!connected ? (
            <span className="rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-[var(--warn)] shadow-sm">
              {t("board.reconnecting")}
            </span>
          ) : null}
        </span>
        <div className="flex items-center gap-2 text-sm">
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

      {presenting ? (
        <PresenterProgress
          elapsed={elapsed}
          softSeconds={r.softSeconds}
          hardSeconds={r.hardSeconds}
          level={level}
          className="px-6 pt-3 min-[1900px]:[zoom:1.4] min-[3000px]:[zoom:2.2]"
        />
      ) : null}
      <main
        ref={frame}
        data-fit-frame
        className={`min-h-0 flex-1 px-4 py-3 sm:px-10 sm:py-4 ${presenting ? "overflow-hidden" : "overflow-y-auto"}`}
        aria-live="polite"
      >
        {current ? (
          <article
            ref={content}
            data-fit-content
            data-testid="recap-slide"
            data-pages={pages}
            className="flex h-full flex-col gap-[0.6em] text-[length:var(--slide-answer)] [--slide-answer:calc(var(--slide-base,20px)*var(--slide-scale,1))]"
          >
            {/* Name and paper on one line where the screen is wide: the answers get the room. */}
            <div className="shrink-0">
              <div className="flex flex-wrap items-baseline gap-x-[0.6em] gap-y-[0.1em]">
                <h1 data-testid="presenter-name" className="text-[1.7em] leading-tight font-bold">
                  {current.name}
                </h1>
                <p className="text-[1.2em] leading-snug font-semibold">
                  <PaperLink href={paperHref(current.paper)}>{current.paper.title}</PaperLink>
                </p>
                {current.paper.authors.length || current.paper.year ? (
                  <p className="text-[0.8em] text-[var(--muted)]">
                    {[current.paper.authors.join(", "), current.paper.year]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                ) : null}
              </div>
              {current.gist ? (
                <p className="mt-[0.3em] text-[1.05em] leading-snug italic">{current.gist}</p>
              ) : null}
            </div>
            {r.startedAt === null && canDrive ? (
              <p className="shrink-0 text-[0.85em] text-[var(--muted)]">
                {t("recap.pressToStart")}
              </p>
            ) : null}
            {/* The answers flow down columns; a slide longer than the screen shows its
                columns a screenful at a time (↓ / PageDown), never hidden under the footer. */}
            <div data-testid="slide-view" className="min-h-0 flex-1 overflow-hidden">
              <div
                data-fit-columns
                data-testid="slide-columns"
                data-page={page}
                style={{ "--page": page } as CSSProperties}
                className="h-full [transform:translateX(calc(var(--page,0)*-1*(100%+1.5em)))] [column-gap:1.5em] text-[length:var(--slide-answer)] leading-snug transition-transform duration-300 [column-fill:auto] [column-width:18em] motion-reduce:transition-none"
              >
                {current.answers.map((a) => (
                  <section
                    key={a.key}
                    data-testid="slide-answer"
                    className="mb-[0.6em] rounded-lg bg-[var(--card)] px-[0.8em] py-[0.6em]"
                  >
                    <h2 className="mb-[0.3em] [break-after:avoid] text-[length:max(16px,0.8em)] font-semibold tracking-wide text-[var(--label)] uppercase">
                      {t(`questions.${a.key}.label`)}
                    </h2>
                    <div
                      className="markdown leading-snug"
                      // Made on the server from the reader's Markdown, sanitised there
                      // (lib/markdown-html.ts): the screen ships no Markdown parser.
                      dangerouslySetInnerHTML={{ __html: a.html }}
                    />
                  </section>
                ))}
              </div>
            </div>
          </article>
        ) : arriving ? (
          <article
            ref={content}
            data-fit-content
            data-testid="recap-slide-arriving"
            aria-busy="true"
            className="flex h-full flex-col gap-[0.6em] text-[length:var(--slide-answer)] [--slide-answer:calc(var(--slide-base,20px)*var(--slide-scale,1))]"
          >
            <div className="flex flex-wrap items-baseline gap-x-[0.6em] gap-y-[0.1em]">
              <h1 data-testid="presenter-name" className="text-[1.7em] leading-tight font-bold">
                {arriving.name}
              </h1>
              <p className="text-[1.2em] leading-snug font-semibold">{arriving.paperTitle}</p>
            </div>
            <p className="text-[0.85em] text-[var(--muted)]">{t("recap.slideArriving")}</p>
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

      {/* As tall from the first paint as with the slide's page control (2.125rem) in it: the
          control appears once the slide is measured, and a growing footer would move the slide. */}
      <footer className="flex min-h-[calc(2.125rem+1rem+1px)] items-center justify-between gap-3 border-t border-[var(--line)] px-4 py-2 text-base min-[1900px]:[zoom:1.4] min-[3000px]:[zoom:2.2] sm:min-h-[calc(2.125rem+1.5rem+1px)] sm:flex-wrap sm:px-6 sm:py-3 sm:text-lg">
        <p data-testid="next-up" className="min-w-0 truncate">
          {presenting && upNext ? t("recap.nextUp", upNext) : presenting ? t("recap.lastOne") : ""}
        </p>
        {current && pages > 1 ? (
          <div
            role="group"
            aria-label={t("recap.pageOf", { page: page + 1, pages })}
            className="flex items-center gap-1 rounded border border-[var(--line)] text-base"
          >
            <button
              type="button"
              disabled={page === 0}
              onClick={() => setPaging({ readingId: pagingId, page: page - 1 })}
              aria-label={t("recap.pageUp")}
              className="px-3 py-1 disabled:opacity-40"
            >
              ↑
            </button>
            <span data-testid="slide-page" className="font-mono tabular-nums">
              {page + 1}/{pages}
            </span>
            <button
              type="button"
              disabled={page === pages - 1}
              onClick={() => setPaging({ readingId: pagingId, page: page + 1 })}
              aria-label={t("recap.pageDown")}
              className="px-3 py-1 disabled:opacity-40"
            >
              ↓
            </button>
          </div>
        ) : null}
        {canDrive ? (
          <p className="text-sm text-[var(--muted)] max-sm:hidden">{t("recap.keys")}</p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-[var(--late)]">
            {t(error)}
          </p>
        ) : null}
      </footer>
      {/* Fits the slide and shows the screen once all of it is here, before its first paint;
          afterwards useFitToHeight keeps the slide fitted. */}
      <script
        nonce={nonce ?? undefined}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: fitSlideScript }}
      />
    </div>
  );
}

/**
 * The slides by reading: the board's, over any asked for. Slides the screen needs (the
 * presenter's and the next one's, or all of them on the closing slide) that neither the page nor a
 * live board has brought yet are asked for once each time such a gap opens: the live board brings
 * every slide, but a presenter can step past the page's before it arrives, and a network that
 * holds the stream back would leave the screen without them.
 */
function useSlides(board: BoardState, state: RecapState): Map<string, RecapSlide> {
  const [fetched, setFetched] = useState<RecapSlide[]>([]);
  const byId = useMemo(
    () => new Map([...fetched, ...board.slides].map((s) => [s.readingId, s])),
    [fetched, board.slides],
  );
  const wanted = isClosingSlide(state)
    ? state.order
    : state.order.slice(state.index, state.index + 2);
  const missing = wanted.some((id) => !byId.has(id));
  useEffect(() => {
    if (!missing) return;
    const controller = new AbortController();
    fetch(`/api/meetings/${board.meetingId}/recap`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer: { slides?: RecapSlide[] } | null) => {
        if (Array.isArray(answer?.slides)) setFetched(answer.slides);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [missing, board.meetingId]);
  return byId;
}
