"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import { formatClock, remainingMs, statusAt, warningLevel } from "@/lib/readings/countdown";
import { useMeetingEvents } from "./use-meeting-events";
import { useServerNow, useServerOffset } from "./use-server-clock";
import { PaperLink } from "@/components/papers/paper-link";
import { screenThemeVars, useScreenTheme } from "@/components/ui/screen-theme";

type Props = {
  initial: BoardState;
  title: string;
  meetingPath: string;
  /** The meeting link's QR code (SVG), for latecomers in the room to scan. */
  joinQr?: string | null;
};

/**
 * The reading phase on a projector: each reader's name, paper and countdown, large enough for the
 * back of a room (12 readers fit a 1920×1080 screen). F toggles full screen, Esc leaves; when the
 * facilitator moves to the recap, the screen follows.
 */
export function ProjectorBoard({ initial, title, meetingPath, joinQr }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const { board, connected } = useMeetingEvents(initial, (phase) => {
    if (phase === "RECAP") router.push(`${meetingPath}/recap`);
  });
  const now = useServerNow(useServerOffset());
  const rootRef = useRef<HTMLDivElement>(null);
  const [theme, toggleTheme] = useScreenTheme();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        if (document.fullscreenElement) void document.exitFullscreen();
        else void rootRef.current?.requestFullscreen?.().catch(() => undefined);
      } else if (e.key === "Escape" && !document.fullscreenElement) {
        router.push(meetingPath);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, meetingPath]);

  const rows = board.rows.map((row) => {
    const status = now === null ? null : statusAt(row.countdown, now);
    const remaining = now === null ? 0 : remainingMs(row.countdown, now);
    return { row, status, remaining };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;

  return (
    <div
      ref={rootRef}
      data-testid="projector"
      data-theme={theme}
      style={screenThemeVars[theme]}
      className="fixed inset-0 z-40 flex flex-col overflow-hidden bg-[var(--bg)] text-[var(--fg)]"
    >
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-[var(--line)] px-8 py-4">
        <div>
          <h1 className="text-3xl font-bold">{title}</h1>
          <p data-testid="projector-summary" className="text-lg text-[var(--muted)]">
            {t("projector.summary", {
              reading: count("reading") + count("paused"),
              overtime: count("overtime"),
              done: count("done"),
              waiting: count("notStarted"),
            })}
          </p>
        </div>
        <div className="flex items-center gap-3 text-sm text-[var(--muted)]">
          {joinQr ? (
            <figure className="flex items-center gap-2" data-projector-qr>
              <div
                role="img"
                aria-label={t("meetingLink.qr")}
                className="w-24 rounded bg-white p-1"
                // An SVG the server drew from the link; it holds no script.
                dangerouslySetInnerHTML={{ __html: joinQr }}
              />
              <figcaption className="text-base text-[var(--fg)]">
                {t("meetingLink.scan")}
              </figcaption>
            </figure>
          ) : null}
          {!connected ? (
            <span className="text-[var(--warn)]">{t("board.reconnecting")}</span>
          ) : null}
          <span>{t("projector.keys")}</span>
          <button
            type="button"
            onClick={toggleTheme}
            className="rounded border border-[var(--line)] px-3 py-1.5 text-[var(--fg)]"
          >
            {theme === "dark" ? t("recap.light") : t("recap.dark")}
          </button>
          <button
            type="button"
            onClick={() => router.push(meetingPath)}
            className="rounded border border-[var(--line)] px-3 py-1.5 text-[var(--fg)]"
          >
            {t("recap.leave")}
          </button>
        </div>
      </header>
      <main className="min-h-0 flex-1 overflow-y-auto p-6">
        {rows.length === 0 ? (
          <p className="mt-24 text-center text-3xl text-[var(--muted)]">{t("board.empty")}</p>
        ) : (
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(26rem,1fr))] gap-5">
            {rows.map(({ row, status, remaining }) => {
              const late = status === "overtime" || (status === "done" && remaining < 0);
              const warning = status === "reading" ? warningLevel(remaining) : null;
              return (
                <li
                  key={row.readingId}
                  data-reader={row.name}
                  data-status={status ?? "measuring"}
                  className={`flex flex-col gap-2 rounded-2xl border-2 p-5 ${
                    status === "overtime"
                      ? "border-[var(--late)] bg-[var(--late-bg)]"
                      : "border-[var(--line)] bg-[var(--card)]"
                  }`}
                >
                  <div className="flex items-baseline justify-between gap-3">
                    <p className="truncate text-3xl font-bold">{row.name}</p>
                    <p className="shrink-0 text-xl text-[var(--muted)]">
                      {t("board.answered", { count: row.answered })}
                    </p>
                  </div>
                  <p className="truncate text-xl text-[var(--muted)]" title={row.paperTitle}>
                    <PaperLink href={row.paperHref}>{row.paperTitle}</PaperLink>
                  </p>
                  <div className="flex items-end justify-between gap-3">
                    <p
                      data-testid="projector-time"
                      className={`font-mono text-7xl font-bold tabular-nums ${
                        late || warning === 1
                          ? "text-[var(--late)]"
                          : warning === 5
                            ? "text-[var(--warn)]"
                            : status === "done"
                              ? "text-[var(--muted)]"
                              : "text-[var(--fg)]"
                      }`}
                    >
                      {status === null || status === "notStarted"
                        ? "--:--"
                        : formatClock(remaining)}
                    </p>
                    <p
                      data-testid="projector-status"
                      className={`pb-2 text-xl font-semibold ${late ? "text-[var(--late)]" : "text-[var(--muted)]"}`}
                    >
                      {status ? t(`timer.status.${status}`) : "…"}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </main>
    </div>
  );
}
