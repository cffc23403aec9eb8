"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { SummaryInitial } from "@/lib/readings/autosave";
import { OfflineShell } from "./offline-shell";

// The form reads what this browser kept (localStorage) as it starts, so it renders in the
// browser only; loading it separately also keeps the Markdown renderer out of the first load.
const SummaryForm = dynamic(() => import("./summary-form"), {
  ssr: false,
  loading: () => <Loading />,
});

function Loading() {
  const t = useTranslations("summary");
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500"
      role="status"
    >
      {t("loading")}
    </div>
  );
}

export function SummaryPanel({
  readingId,
  initial,
}: {
  readingId: string;
  initial: SummaryInitial;
}) {
  return (
    <>
      <OfflineShell />
      <SummaryForm readingId={readingId} initial={initial} />
    </>
  );
}
