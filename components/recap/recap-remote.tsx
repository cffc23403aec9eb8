"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import { formatElapsed, isClosingSlide, presenterElapsed, timerLevel } from "@/lib/recap/recap";
import { useMeetingEvents } from "@/components/meetings/use-meeting-events";
import { useServerNow, useServerOffset } from "@/components/meetings/use-server-clock";
import { useRecapCommands } from "./use-recap-commands";
import { PresenterProgress } from "./presenter-progress";

const noSubscription = () => () => {};

const levelClass = { normal: "text-slate-900", soft: "text-amber-700", hard: "text-red-700" };

/** A phone-sized remote for the facilitator: who is on, their timer, and next / back / pause. */
export function RecapRemote({ initial }: { initial: BoardState }) {
  const t = useTranslations("recap");
  const tAll = useTranslations();
  const { board, connected } = useMeetingEvents(initial);
  const now = useServerNow(useServerOffset(), 200);
  const { send, error } = useRecapCommands(initial.meetingId);
  const r = board.recap;
  const state = {
    order: r.order,
    index: r.index,
    startedAt: r.startedAt,
    pausedAt: r.pausedAt,
    pausedMs: r.pausedMs,
  };
  const closing = isClosingSlide(state);
  const slideOf = (id: string | undefined) => board.slides.find((s) => s.readingId === id);
  const slide = closing ? null : slideOf(r.order[r.index]);
  const current = slide ? { name: slide.name, paper: slide.paper.title } : null;
  const upNext = closing ? null : slideOf(r.order[r.index + 1]);
  // Until the clock is measured the timer shows no digits rather than a wrong time.
  const elapsed = now === null ? null : presenterElapsed(state, now);
  const level = elapsed === null ? "normal" : timerLevel(elapsed, r.softSeconds, r.hardSeconds);
  // The buttons work once the page's script runs: until then they show as disabled, so an early
  // tap is not silently lost.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const big = "min-h-20 rounded-xl text-2xl font-semibold active:scale-95 disabled:opacity-60";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-5" data-testid="recap-remote">
      <p className="text-center text-sm text-slate-600">
        {closing ? t("closing") : t("progress", { current: r.index + 1, total: r.order.length })}
        {!connected ? <span className="ml-2 text-amber-700">({t("offline")})</span> : null}
      </p>
      <div className="text-center">
        <p data-testid="remote-presenter" className="text-2xl font-bold">
          {current?.name ?? t("closingTitle")}
        </p>
        {current ? <p className="text-slate-600">{current.paper}</p> : null}
        {current ? (
          <p
            data-testid="remote-timer"
            data-level={level}
            className={`mt-3 font-mono text-6xl font-bold tabular-nums ${levelClass[level]}`}
          >
            {formatElapsed(elapsed)}
            <span className="ml-2 text-xl font-medium text-slate-500">
              {t("target", { limit: formatElapsed(r.hardSeconds * 1000) })}
            </span>
          </p>
        ) : null}
        {current ? (
          <PresenterProgress
            elapsed={elapsed}
            softSeconds={r.softSeconds}
            hardSeconds={r.hardSeconds}
            level={level}
            className="mt-3"
          />
        ) : null}
        {current ? (
          <p data-testid="remote-next" className="mt-3 text-sm text-slate-600">
            {upNext ? t("nextUp", { name: upNext.name, paper: upNext.paper.title }) : t("lastOne")}
          </p>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <button
          type="button"
          className={`${big} border border-slate-300 bg-white`}
          disabled={!ready}
          onClick={() => void send({ command: "back" })}
        >
          {t("back")}
        </button>
        <button
          type="button"
          className={`${big} border border-slate-300 bg-white`}
          disabled={!ready}
          onClick={() => void send({ command: "pause" })}
        >
          {r.pausedAt !== null ? t("resume") : t("pause")}
        </button>
        <button
          type="button"
          className={`${big} bg-brand-600 col-span-2 text-white`}
          disabled={!ready}
          onClick={() => void send({ command: "next" })}
        >
          {r.startedAt === null && !closing ? t("start") : t("next")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-center text-sm text-red-700">
          {tAll(error)}
        </p>
      ) : null}
    </div>
  );
}
