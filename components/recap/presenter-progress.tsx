"use client";

import { useTranslations } from "next-intl";
import { formatElapsed } from "@/lib/recap/recap";

const barClass = {
  normal: "bg-emerald-500",
  soft: "bg-amber-500",
  hard: "bg-red-500",
};

/**
 * The presenter's time against the group's limit: "1:05 / 2:00" and a bar that fills towards the
 * hard limit, amber from the soft one and red at the hard one.
 */
export function PresenterProgress({
  elapsed,
  softSeconds,
  hardSeconds,
  level,
  className = "",
}: {
  elapsed: number | null;
  softSeconds: number;
  hardSeconds: number;
  level: keyof typeof barClass;
  className?: string;
}) {
  const t = useTranslations("recap");
  const seconds = elapsed === null ? 0 : Math.floor(elapsed / 1000);
  const share = Math.min(100, (seconds / Math.max(1, hardSeconds)) * 100);
  return (
    <div className={className}>
      <div
        role="progressbar"
        data-testid="presenter-progress"
        data-level={level}
        aria-label={t("timeLeftLabel")}
        aria-valuemin={0}
        aria-valuemax={hardSeconds}
        aria-valuenow={Math.min(seconds, hardSeconds)}
        aria-valuetext={`${formatElapsed(elapsed)} ${t("target", { limit: formatElapsed(hardSeconds * 1000) })}`}
        className="relative h-3 w-full overflow-hidden rounded-full bg-[var(--line,#cbd5e1)]"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-300 ${barClass[level]}`}
          style={{ width: `${share}%` }}
        />
        <div
          aria-hidden
          className="absolute top-0 h-full w-0.5 bg-[var(--fg,#0f172a)] opacity-50"
          style={{ left: `${(softSeconds / Math.max(1, hardSeconds)) * 100}%` }}
        />
      </div>
    </div>
  );
}
