"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import { formatClock, remainingMs, statusAt, warningLevel } from "@/lib/readings/countdown";
import { useMeetingEvents } from "./use-meeting-events";
import { useServerNow, useServerOffset } from "./use-server-clock";

type Props = { initial: BoardState; title: string; meetingPath: string };

/**
 * The reading phase on a projector: each reader's name, paper and countdown, large enough for the
 * back of a room (12 readers fit a 1920×1080 screen). F toggles full screen, Esc leaves; when the
 * facilitator moves to the recap, the screen follows.
 */
export function ProjectorBoard({ initial, title, meetingPath }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const { board, connected } = useMeetingEvents(initial, (phase) => {
    if (phase === "RECAP") router.push(`${meetingPath}/recap`);
  });
  const now = useServerNow(useServerOffset());
  const rootRef = useRef<HTMLDivElement>(null);

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
      className="fixed inset-0 z-40 flex flex-col overflow-hidden bg-slate-950 text-slate-50"
    >
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-800 px-8 py-4">
        <div>
          <h1 className="text-3xl font-bold">{title}</h1>
          <p data-testid="projector-summary" className="text-lg text-slate-300">
            {t("projector.summary", {
              reading: count("reading") + count("paused"),
              overtime: count("overtime"),
              done: count("done"),
              waiting: count("notStarted"),
            })}
          </p>
        </div>
        <div className="flex items-center gap-3 text-sm text-slate-300">
          {!connected ? <span className="text-amber-400">{t("board.reconnecting")}</span> : null}
          <span>{t("projector.keys")}</span>
          <button
            type="button"
            onClick={() => router.push(meetingPath)}
            className="rounded border border-slate-600 px-3 py-1.5 text-slate-100"
          >
            {t("recap.leave")}
          </button>
        </div>
      </header>
      <main className="min-h-0 flex-1 overflow-y-auto p-6">
        {rows.length === 0 ? (
          <p className="mt-24 text-center text-3xl text-slate-300">{t("board.empty")}</p>
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
                      ? "border-red-500 bg-red-950/60"
                      : status === "done"
                        ? "border-slate-700 bg-slate-900 opacity-80"
                        : "border-slate-700 bg-slate-900"
                  }`}
                >
                  <div className="flex items-baseline justify-between gap-3">
                    <p className="truncate text-3xl font-bold">{row.name}</p>
                    <p className="shrink-0 text-xl text-slate-300">
                      {t("board.answered", { count: row.answered })}
                    </p>
                  </div>
                  <p className="truncate text-xl text-slate-300" title={row.paperTitle}>
                    {row.paperTitle}
                  </p>
                  <div className="flex items-end justify-between gap-3">
                    <p
                      data-testid="projector-time"
                      className={`font-mono text-7xl font-bold tabular-nums ${
                        late
                          ? "text-red-400"
                          : warning === 1
                            ? "text-red-300"
                            : warning === 5
                              ? "text-amber-300"
                              : "text-slate-50"
                      }`}
                    >
                      {status === null || status === "notStarted"
                        ? "--:--"
                        : formatClock(remaining)}
                    </p>
                    <p
                      data-testid="projector-status"
                      className={`pb-2 text-xl font-semibold ${late ? "text-red-300" : "text-slate-300"}`}
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
