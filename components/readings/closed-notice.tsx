"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { answerKeys } from "@/lib/readings/answers";
import type { Summary, SummaryField } from "@/lib/readings/summary";
import { Button } from "@/components/ui/button";

/**
 * Shown when the meeting closed: the answers are read-only. Text the server never received stays
 * on this device, and one click copies it (as Markdown, a heading per question).
 */
export function ClosedNotice({ unsent }: { unsent: Partial<Summary> }) {
  const t = useTranslations();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const fields = (["gist", ...answerKeys] as SummaryField[]).filter((f) => unsent[f] !== undefined);
  const text = fields
    .map((f) => `## ${t(`questions.${f}.label`)}\n\n${unsent[f]!.trim()}`)
    .join("\n\n");

  async function copyText() {
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div
      role="alert"
      data-testid="closed-notice"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-medium">{t("summary.closedTitle")}</p>
      {fields.length === 0 ? (
        <p>{t("summary.closedReadOnly")}</p>
      ) : (
        <>
          <p>{t("summary.closedUnsent")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={() => void copyText()}>{t("summary.copyUnsent")}</Button>
            {copy === "copied" ? (
              <span role="status" className="text-emerald-800">
                {t("summary.copied")}
              </span>
            ) : null}
          </div>
          {copy === "failed" ? (
            <>
              <p role="status">{t("summary.copyFailed")}</p>
              <textarea
                readOnly
                aria-label={t("summary.copyUnsent")}
                value={text}
                rows={8}
                onFocus={(e) => e.currentTarget.select()}
                className="block w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs"
              />
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
