"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { isRemarksAnswer } from "@/lib/minutes/remarks-answer";

type Saved = { version: number; text: string };
type Status = "saved" | "saving" | "unsent";

const SAVE_DELAY_MS = 1_000;

/**
 * The closing remarks, saved as they are typed: kept on this device until the server has them,
 * sent a second after the last keystroke with the version they were edited from, so that two
 * members writing at once are merged rather than overwritten.
 */
export function RemarksEditor({ meetingId, initial }: { meetingId: string; initial: Saved }) {
  const t = useTranslations("minutes");
  const draftKey = `yomikai.remarks.${meetingId}`;
  const [text, setText] = useState(initial.text);
  const [status, setStatus] = useState<Status>("saved");
  const [merged, setMerged] = useState(false);
  const base = useRef<Saved>(initial);
  const latest = useRef(initial.text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sending = useRef(false);

  async function send() {
    if (sending.current) return;
    const mine = latest.current;
    if (mine === base.current.text) {
      setStatus("saved");
      return;
    }
    sending.current = true;
    setStatus("saving");
    try {
      const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/remarks`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          text: mine,
          baseVersion: base.current.version,
          baseText: base.current.text,
        }),
      });
      const answer: unknown = await response.json().catch(() => null);
      if (!response.ok || !isRemarksAnswer(answer)) throw new Error(String(response.status));
      base.current = { version: answer.version, text: answer.text };
      if (answer.merged) setMerged(true);
      if (latest.current === mine) {
        // Nothing typed meanwhile: show what was saved (a merge may have added someone's text).
        latest.current = answer.text;
        setText(answer.text);
        localStorage.removeItem(draftKey);
        setStatus("saved");
      }
    } catch {
      setStatus("unsent");
      schedule(5_000);
    } finally {
      sending.current = false;
    }
    if (latest.current !== base.current.text) schedule(SAVE_DELAY_MS);
  }

  function schedule(delay: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(), delay);
  }

  // A draft left by a closed tab or a failed save comes back and is sent.
  useEffect(() => {
    const restore = setTimeout(() => {
      const draft = localStorage.getItem(draftKey);
      if (draft !== null && draft !== initial.text) {
        latest.current = draft;
        setText(draft);
        setStatus("unsent");
        void send();
      }
    }, 0);
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== base.current.text) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      clearTimeout(restore);
      window.removeEventListener("beforeunload", warn);
    };
    // Runs once per meeting page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section aria-labelledby="remarks-title" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="remarks-title" className="text-xl font-semibold">
          <label htmlFor="remarks">{t("remarksLabel")}</label>
        </h2>
        <p
          role="status"
          data-testid="remarks-status"
          data-status={status}
          className="text-sm text-slate-600"
        >
          {status === "saved"
            ? t("remarksSaved")
            : status === "saving"
              ? t("remarksSaving")
              : t("remarksOffline")}
        </p>
      </div>
      <p id="remarks-hint" className="text-xs text-slate-600">
        {t("remarksHint")}
      </p>
      <textarea
        id="remarks"
        value={text}
        maxLength={20_000}
        aria-describedby="remarks-hint"
        onChange={(e) => {
          latest.current = e.target.value;
          setText(e.target.value);
          localStorage.setItem(draftKey, e.target.value);
          setStatus("unsent");
          schedule(SAVE_DELAY_MS);
        }}
        className="block field-sizing-content min-h-32 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base leading-relaxed sm:text-sm"
      />
      {merged ? <p className="text-sm text-amber-800">{t("remarksMerged")}</p> : null}
    </section>
  );
}
