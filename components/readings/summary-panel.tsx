"use client";

import { useCallback, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { SummaryInitial } from "@/lib/readings/autosave-answer";
import type { SummaryField } from "@/lib/readings/summary";
import { answerKeys, answeredCount } from "@/lib/readings/answers";
import { OfflineShell } from "./offline-shell";

// The form reads what this browser kept (localStorage) as it starts, so it renders in the
// browser only; loading it separately also keeps the Markdown renderer out of the first load.
// Until it arrives, a still copy of the form with the saved answers holds its place, box for box,
// so nothing below it (the board, on a phone) moves when it appears.
const SummaryForm = dynamic(() => import("./summary-form"), { ssr: false, loading: () => null });

function SkeletonField({ field, text }: { field: SummaryField; text: string }) {
  const t = useTranslations();
  const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="block font-medium text-slate-900">{t(`questions.${field}.label`)}</p>
          <p className="text-xs text-slate-600">{t(`questions.${field}.hint`)}</p>
        </div>
        {field === "gist" ? null : (
          <div className="flex items-center gap-2">
            <div className="flex rounded-md border border-slate-300 text-xs">
              <span className="rounded-l-md bg-slate-800 px-2.5 py-1.5 text-white">
                {t("summary.write")}
              </span>
              <span className="rounded-r-md px-2.5 py-1.5">{t("summary.preview")}</span>
            </div>
          </div>
        )}
      </div>
      {field === "gist" ? (
        <div className={`block w-full truncate ${box}`}>{text || "\u00a0"}</div>
      ) : (
        <div
          className={`block max-h-[70vh] min-h-28 w-full overflow-hidden leading-relaxed break-words whitespace-pre-wrap ${box}`}
        >
          {text}
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2" />
    </div>
  );
}

function SummarySkeleton({ initial }: { initial: SummaryInitial }) {
  const t = useTranslations("summary");
  const summary = initial.summary;
  return (
    <section
      aria-busy="true"
      aria-label={t("loading")}
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      data-testid="summary-skeleton"
    >
      <h2 className="text-lg font-semibold">
        {t("title")}
        <span className="ml-2 text-sm font-normal text-slate-600">
          {t("answered", { count: answeredCount(summary) })}
        </span>
      </h2>
      <div className="-mx-5 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-200 px-5 py-2 sm:-mx-6 sm:px-6">
        <p className="flex min-w-0 items-baseline gap-3 text-sm">
          <span className="font-mono text-lg font-bold text-slate-900 tabular-nums">--:--</span>
        </p>
        <p className="text-sm text-slate-600" role="status">
          {t("loading")}
        </p>
      </div>
      <SkeletonField field="gist" text={summary.gist} />
      <div className="grid gap-6 2xl:grid-cols-2">
        {answerKeys.map((f) => (
          <SkeletonField key={f} field={f} text={summary[f]} />
        ))}
      </div>
      {initial.closed ? null : (
        <div className="rounded-md border border-slate-200 p-3">
          <p className="text-sm font-medium">{t("history")}</p>
        </div>
      )}
    </section>
  );
}

export function SummaryPanel({
  readingId,
  initial,
}: {
  readingId: string;
  initial: SummaryInitial;
}) {
  const [ready, setReady] = useState(false);
  const formReady = useCallback(() => setReady(true), []);
  // The same element across the panel's renders: when the form reports ready (in its first
  // commit), the panel drops the placeholder without drawing the whole form a second time in the
  // same task.
  const form = useMemo(
    () => <SummaryForm readingId={readingId} initial={initial} onReady={formReady} />,
    [readingId, initial, formReady],
  );
  return (
    <>
      <OfflineShell />
      {ready ? null : <SummarySkeleton initial={initial} />}
      {form}
    </>
  );
}
