"use client";

import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/meetings/board";
import { useMeetingEvents } from "@/components/meetings/use-meeting-events";
import { useRecapCommands } from "./use-recap-commands";

/** Before the first presenter starts: shuffle, move up or down, or skip readers. */
export function OrderEditor({
  initial,
  names,
}: {
  initial: BoardState;
  names: Record<string, string>;
}) {
  const t = useTranslations("recap");
  const tAll = useTranslations();
  const { board } = useMeetingEvents(initial);
  const { send, error } = useRecapCommands(initial.meetingId);
  const order = board.recap.order;
  const started = board.recap.index > 0 || board.recap.startedAt !== null;
  const skipped = Object.keys(names).filter((id) => !order.includes(id));
  const move = (i: number, d: number) => {
    const next = [...order];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    void send({ order: next });
  };
  const btn = "min-h-9 rounded border border-slate-300 bg-white px-2 text-sm disabled:opacity-40";
  return (
    <section
      aria-labelledby="order-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="order-title" className="font-semibold">
          {t("order")}
        </h2>
        {!started ? (
          <button type="button" className={btn} onClick={() => void send({ shuffle: true })}>
            {t("shuffle")}
          </button>
        ) : null}
      </div>
      <ol className="space-y-2" data-testid="recap-order">
        {order.map((id, i) => (
          <li key={id} className="flex items-center justify-between gap-2">
            <span>
              {i + 1}. {names[id] ?? "?"}
            </span>
            {!started ? (
              <span className="flex gap-1">
                <button
                  type="button"
                  className={btn}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`${t("up")}: ${names[id]}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={btn}
                  disabled={i === order.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`${t("down")}: ${names[id]}`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={btn}
                  onClick={() => void send({ order: order.filter((x) => x !== id) })}
                >
                  {t("skip")}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {skipped.length && !started ? (
        <div className="mt-3 text-sm text-slate-600">
          {t("skipped")}:{" "}
          {skipped.map((id) => (
            <button
              key={id}
              type="button"
              className="mr-2 underline"
              onClick={() => void send({ order: [...order, id] })}
            >
              {names[id]} ({t("addBack")})
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {tAll(error)}
        </p>
      ) : null}
    </section>
  );
}
