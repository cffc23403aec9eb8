"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { Summary } from "@/lib/readings/summary";
import { Button } from "@/components/ui/button";

type Revision = {
  id: string;
  version: number;
  savedAt: number;
  answered: number;
  summary: Summary | null;
};

/** Recent versions of the summary, loaded when opened; restoring one makes it the current text. */
export function RevisionHistory({
  readingId,
  onRestore,
}: {
  readingId: string;
  onRestore: (s: Summary) => void;
}) {
  const t = useTranslations("summary");
  const format = useFormatter();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  async function load() {
    const res = await fetch(`/api/readings/${readingId}/revisions`, { cache: "no-store" });
    if (res.ok) setRevisions(((await res.json()) as { revisions: Revision[] }).revisions);
  }

  return (
    <details
      className="rounded-md border border-slate-200 p-3"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary className="cursor-pointer text-sm font-medium">{t("history")}</summary>
      <p className="mt-2 text-xs text-slate-600">{t("historyIntro")}</p>
      {revisions === null ? (
        <p className="mt-2 text-sm text-slate-500">{t("loading")}</p>
      ) : revisions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("historyEmpty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" data-testid="revisions">
          {revisions.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <span>
                {t("historyItem", {
                  time: format.dateTime(new Date(r.savedAt), {
                    hour: "2-digit",
                    minute: "2-digit",
                    second: "2-digit",
                  }),
                  count: r.answered,
                })}
              </span>
              <Button
                variant="secondary"
                disabled={!r.summary}
                onClick={() => {
                  if (!r.summary) return;
                  onRestore(r.summary);
                  setRestored(r.id);
                }}
              >
                {t("restore")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {restored ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {t("restored")}
        </p>
      ) : null}
    </details>
  );
}
