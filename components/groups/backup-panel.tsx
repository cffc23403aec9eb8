"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { BACKUP_MAX_BYTES, BACKUP_MAX_MB } from "@/lib/backup/limits";

type Report =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; meetings: number; readings: number; papers: number; members: number }
  | { kind: "error"; message: string; issues: string[] };

/** Owners download the group as one JSON file, or load one into an empty group. */
export function BackupPanel({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("backup");
  const router = useRouter();
  const [report, setReport] = useState<Report>({ kind: "idle" });

  async function upload(file: File) {
    if (file.size > BACKUP_MAX_BYTES) {
      setReport({ kind: "error", message: t("tooLarge", { max: BACKUP_MAX_MB }), issues: [] });
      return;
    }
    setReport({ kind: "busy" });
    try {
      const response = await fetch(`/api/groups/${encodeURIComponent(groupSlug)}/backup`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: await file.text(),
      });
      const body = (await response.json().catch(() => null)) as {
        ok?: boolean;
        meetings?: number;
        readings?: number;
        papers?: number;
        members?: number;
        error?: { code?: string; reason?: string; issues?: { path: string; message: string }[] };
      } | null;
      if (response.ok && body?.ok) {
        setReport({
          kind: "done",
          meetings: body.meetings ?? 0,
          readings: body.readings ?? 0,
          papers: body.papers ?? 0,
          members: body.members ?? 0,
        });
        router.refresh();
        return;
      }
      const reason = body?.error?.reason ?? body?.error?.code;
      setReport({
        kind: "error",
        message:
          reason === "notEmpty"
            ? t("notEmpty")
            : reason === "FORBIDDEN"
              ? t("ownersOnly")
              : t("invalid"),
        issues: (body?.error?.issues ?? [])
          .slice(0, 20)
          .map((i) => `${i.path || "/"}: ${i.message}`),
      });
    } catch {
      setReport({ kind: "error", message: t("failed"), issues: [] });
    }
  }

  return (
    <section aria-labelledby="backup-title" className="space-y-4">
      <h2 id="backup-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <a
        href={`/api/groups/${encodeURIComponent(groupSlug)}/backup`}
        download
        className="inline-block rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        {t("download")}
      </a>
      <div className="space-y-1">
        <label htmlFor="backup-file" className="block text-sm font-medium">
          {t("importLabel")}
        </label>
        <input
          id="backup-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="backup-hint"
          disabled={report.kind === "busy"}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
          className="block text-sm"
        />
        <p id="backup-hint" className="text-xs text-slate-600">
          {t("importHint")}
        </p>
      </div>
      <div role="status" data-testid="backup-report" data-status={report.kind}>
        {report.kind === "busy" ? <p className="text-sm">{t("importing")}</p> : null}
        {report.kind === "done" ? (
          <p className="text-sm text-emerald-800">
            {t("imported", {
              meetings: report.meetings,
              readings: report.readings,
              papers: report.papers,
              members: report.members,
            })}
          </p>
        ) : null}
        {report.kind === "error" ? (
          <div className="text-sm text-red-700">
            <p>{report.message}</p>
            {report.issues.length ? (
              <ul className="mt-1 list-disc pl-5 font-mono text-xs">
                {report.issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
