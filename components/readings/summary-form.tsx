"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { answeredCount, answerKeys } from "@/lib/readings/answers";
import {
  keepBoth,
  lateFields,
  limitOf,
  type Summary,
  type SummaryField,
} from "@/lib/readings/summary";
import type { SummaryInitial } from "@/lib/readings/autosave-answer";
import { Button } from "@/components/ui/button";
import { useAutosave } from "./use-autosave";
import type { OpenConflict, SaveStatus } from "./autosave-engine";
import { RevisionHistory } from "./revision-history";
import { ClosedNotice } from "./closed-notice";
import { useReadingClock } from "@/components/meetings/reading-clock";
import { useReadingRoom } from "@/components/reading-room/room";
import { uploadImage } from "@/components/reading-room/upload-image";
import { imageMarkdown } from "@/lib/readings/images";
import { formatClock, remainingMs, statusAt, warningLevel } from "@/lib/readings/countdown";

// The Markdown renderer (a parser and a sanitizer, the form's largest part) is fetched when a
// preview is first asked for, not with the form: most readers write for minutes before looking.
const loadMarkdown = () => import("./markdown");
const Markdown = dynamic(loadMarkdown, {
  ssr: false,
  loading: () => <p className="text-slate-500">…</p>,
});

function StatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useTranslations("summary");
  const format = useFormatter();
  let text: string;
  switch (status.kind) {
    case "saving":
      text = t("saving");
      break;
    case "pending":
      text = t("pending");
      break;
    case "saved":
      text = t("savedAt", {
        time: format.dateTime(new Date(status.at), {
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        }),
      });
      break;
    case "offline":
      text = t("offline");
      break;
    case "retrying":
      text = t("retrying");
      break;
    case "signedOut":
      text = t("signedOut");
      break;
    case "conflict":
      text = t("conflictStatus");
      break;
    case "closed":
      text = t("readOnly");
      break;
    case "error":
      text = t("error", { reason: t(`saveErrors.${status.code}`) });
      break;
    default:
      text = t("notSavedYet");
  }
  const tone =
    status.kind === "error"
      ? "text-red-700"
      : ["offline", "retrying", "conflict", "signedOut"].includes(status.kind)
        ? "text-amber-800"
        : "text-slate-600";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p
        role="status"
        data-testid="save-status"
        data-status={status.kind}
        className={`text-sm ${tone}`}
      >
        {text}
      </p>
      {status.kind === "error" || status.kind === "signedOut" ? (
        <Button variant="secondary" onClick={onRetry}>
          {t("tryAgain")}
        </Button>
      ) : null}
    </div>
  );
}

/** The reader's paper and time left, small, for the sticky bar. */
function StickyClock() {
  const clock = useReadingClock();
  const t = useTranslations("timer");
  if (!clock) return null;
  const status = clock.now === null ? null : statusAt(clock.countdown, clock.now);
  const remaining = clock.now === null ? 0 : remainingMs(clock.countdown, clock.now);
  const warning = status === "reading" ? warningLevel(remaining) : null;
  const late = status === "overtime" || (status === "done" && remaining < 0);
  const shown = status === null || status === "notStarted" ? "--:--" : formatClock(remaining);
  // The time's box is wider than its widest usual text ("+12:34") from the first paint, so the
  // paper's title beside it does not move when the measured time replaces "--:--".
  return (
    <p className="flex min-w-0 items-baseline gap-3 text-sm">
      <span
        data-testid="sticky-time"
        aria-label={late ? t("overtime") : t("timeLeft")}
        className={`min-w-[6.5ch] shrink-0 font-mono text-lg font-bold tabular-nums ${
          late || warning === 1
            ? "text-red-600"
            : warning === 5
              ? "text-amber-600"
              : "text-slate-900"
        }`}
      >
        {shown}
      </span>
      <span data-testid="sticky-paper" className="truncate text-slate-600" title={clock.paperTitle}>
        {clock.paperTitle}
      </span>
    </p>
  );
}

/** "n / max", shown only as the text nears its limit (the box itself stops at the limit). */
function Counter({ length, max }: { length: number; max: number }) {
  const t = useTranslations("summary");
  if (length < max * 0.8) return <span />;
  const near = length > max * 0.95;
  return (
    <span
      className={`text-xs tabular-nums ${near ? "font-medium text-red-700" : "text-slate-500"}`}
    >
      {t("chars", { count: length.toLocaleString(), max: max.toLocaleString() })}
    </span>
  );
}

function ConflictPanel({
  conflict,
  mine,
  onResolve,
}: {
  conflict: OpenConflict;
  /** The box's text as it is now, including what was typed since the conflict appeared. */
  mine: string;
  onResolve: (text: string) => void;
}) {
  const t = useTranslations("summary");
  return (
    <div
      role="alert"
      data-testid={`conflict-${conflict.field}`}
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
    >
      <p className="text-sm font-medium text-amber-900">{t("conflict")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        {(
          [
            ["mine", mine],
            ["theirs", conflict.theirs],
          ] as const
        ).map(([key, text]) => (
          <figure key={key} className="min-w-0">
            <figcaption className="mb-1 text-xs font-semibold text-slate-700 uppercase">
              {t(key)}
            </figcaption>
            <pre
              data-testid={`conflict-${key}`}
              className="max-h-48 overflow-auto rounded border border-slate-200 bg-white p-2 text-sm whitespace-pre-wrap"
            >
              {text}
            </pre>
          </figure>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => onResolve(mine)}>
          {t("keepMine")}
        </Button>
        <Button variant="secondary" onClick={() => onResolve(conflict.theirs)}>
          {t("keepTheirs")}
        </Button>
        <Button onClick={() => onResolve(keepBoth(mine, conflict.theirs))}>{t("keepBoth")}</Button>
      </div>
    </div>
  );
}

function AnswerField({
  field,
  value,
  onChange,
  conflict,
  onResolve,
  snapshotText,
  late,
  readOnly,
  onCaret,
  onImages,
  imageNotice,
  flash,
}: {
  field: SummaryField;
  value: string;
  onChange: (text: string) => void;
  conflict: OpenConflict | undefined;
  onResolve: (text: string) => void;
  snapshotText: string | null;
  /** Changed since time-up. */
  late: boolean;
  readOnly: boolean;
  /** The reader is in this answer, with the caret at `at`: quotes from the paper go there. */
  onCaret: (field: SummaryField, at: number) => void;
  /** Images pasted or dropped into the answer, at the caret. */
  onImages: (field: SummaryField, files: File[], at: number) => void;
  imageNotice: { text: string; error: boolean } | null;
  /** Something was just added to this answer from the paper. */
  flash: boolean;
}) {
  const t = useTranslations();
  const [preview, setPreview] = useState(false);
  const [showSnapshot, setShowSnapshot] = useState(false);
  const max = limitOf(field);
  const id = `answer-${field}`;
  const gist = field === "gist";
  return (
    <div className="space-y-2" data-field={field}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <label htmlFor={id} className="block font-medium text-slate-900">
            {t(`questions.${field}.label`)}
          </label>
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {t(`questions.${field}.hint`)}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {late ? (
            <span
              data-testid={`late-${field}`}
              className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
            >
              {t("summary.late")}
            </span>
          ) : null}
          {!gist ? (
            <div
              className="flex rounded-md border border-slate-300 text-xs"
              role="group"
              aria-label={`${t("summary.write")} / ${t("summary.preview")}: ${t(`questions.${field}.label`)}`}
            >
              <button
                type="button"
                aria-pressed={!preview}
                onClick={() => setPreview(false)}
                className={`rounded-l-md px-2.5 py-1.5 ${!preview ? "bg-slate-800 text-white" : "bg-white"}`}
              >
                {t("summary.write")}
              </button>
              <button
                type="button"
                aria-pressed={preview}
                onClick={() => setPreview(true)}
                // Fetched as the pointer or the focus arrives, so the preview is there on click.
                onPointerEnter={loadMarkdown}
                onFocus={loadMarkdown}
                className={`rounded-r-md px-2.5 py-1.5 ${preview ? "bg-slate-800 text-white" : "bg-white"}`}
              >
                {t("summary.preview")}
              </button>
            </div>
          ) : null}
        </div>
      </div>
      {conflict && !readOnly ? (
        <ConflictPanel conflict={conflict} mine={value} onResolve={onResolve} />
      ) : null}
      {gist ? (
        <input
          id={id}
          value={value}
          maxLength={max}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-hint`}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base read-only:bg-slate-50 sm:text-sm"
        />
      ) : preview ? (
        <div
          data-testid={`preview-${field}`}
          className="min-h-24 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
        >
          {value.trim() ? (
            <Markdown text={value} />
          ) : (
            <p className="text-slate-500">{t("summary.previewEmpty")}</p>
          )}
        </div>
      ) : (
        <textarea
          id={id}
          value={value}
          maxLength={max}
          rows={4}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
          onFocus={(e) => onCaret(field, e.currentTarget.selectionStart)}
          onSelect={(e) => onCaret(field, e.currentTarget.selectionEnd)}
          onPaste={(e) => {
            const files = [...e.clipboardData.files];
            if (files.length === 0 || readOnly) return;
            e.preventDefault();
            onImages(field, files, e.currentTarget.selectionStart);
          }}
          onDragOver={(e) => {
            if (!readOnly && e.dataTransfer.types.includes("Files")) e.preventDefault();
          }}
          onDrop={(e) => {
            const files = [...e.dataTransfer.files];
            if (files.length === 0 || readOnly) return;
            e.preventDefault();
            onImages(field, files, e.currentTarget.selectionStart);
          }}
          aria-describedby={`${id}-hint`}
          spellCheck
          // Prose (Japanese included) in the text font; the box grows with its text.
          className={`block field-sizing-content max-h-[70vh] min-h-28 w-full rounded-md border bg-white px-3 py-2 text-base leading-relaxed transition-shadow read-only:bg-slate-50 sm:text-sm ${flash ? "border-brand-600 ring-brand-500/40 ring-4" : "border-slate-300"}`}
        />
      )}
      {imageNotice ? (
        <p
          role={imageNotice.error ? "alert" : "status"}
          data-testid={`image-notice-${field}`}
          className={`text-sm ${imageNotice.error ? "text-red-700" : "text-slate-600"}`}
        >
          {imageNotice.text}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {late ? (
          <button
            type="button"
            className="text-brand-700 text-xs underline"
            onClick={() => setShowSnapshot((s) => !s)}
            aria-expanded={showSnapshot}
          >
            {showSnapshot ? t("summary.hideSnapshot") : t("summary.showSnapshot")}
          </button>
        ) : (
          <span />
        )}
        <Counter length={value.length} max={max} />
      </div>
      {late && showSnapshot ? (
        <div
          data-testid={`snapshot-${field}`}
          className="rounded-md border border-dashed border-slate-300 p-3 text-sm"
        >
          <p className="mb-1 text-xs font-semibold text-slate-600 uppercase">
            {t("summary.snapshotTitle")}
          </p>
          {snapshotText?.trim() ? (
            <Markdown text={snapshotText} />
          ) : (
            <p className="text-slate-500">—</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

export default function SummaryForm({
  readingId,
  initial,
  onReady,
}: {
  readingId: string;
  initial: SummaryInitial;
  /** Called before the form's first paint (its placeholder goes in the same frame). */
  onReady?: () => void;
}) {
  useLayoutEffect(() => onReady?.(), [onReady]);
  const t = useTranslations("summary");
  const tAll = useTranslations();
  const { values, status, conflicts, snapshot, engine } = useAutosave(readingId, initial);
  const closed = status.kind === "closed";
  const room = useReadingRoom();
  // Where quotes from the paper and pasted images go: the answer the reader was last in, at its
  // caret (the first answer's end until they have been in one).
  const caret = useRef<{ field: SummaryField; at: number | null }>({ field: "whatIsIt", at: null });
  const latest = useRef(values);
  useLayoutEffect(() => {
    latest.current = values;
  }, [values]);
  const [flash, setFlash] = useState<SummaryField | null>(null);
  const [imageNotices, setImageNotices] = useState<
    Partial<Record<SummaryField, { text: string; error: boolean }>>
  >({});

  /** Puts Markdown into an answer at `at`, as a paragraph of its own; returns the new caret. */
  const insertInto = useCallback(
    (field: SummaryField, markdown: string, at: number | null): number => {
      const text = latest.current[field];
      const pos = at === null ? text.length : Math.min(Math.max(0, at), text.length);
      const before = text.slice(0, pos);
      const after = text.slice(pos);
      const lead =
        before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
      const tail = after === "" ? "\n" : after.startsWith("\n") ? "\n" : "\n\n";
      const next = `${before}${lead}${markdown}${tail}${after}`;
      engine.change(field, next);
      latest.current = { ...latest.current, [field]: next };
      setFlash(field);
      return before.length + lead.length + markdown.length + tail.length;
    },
    [engine],
  );

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 1500);
    return () => clearTimeout(timer);
  }, [flash]);

  useEffect(() => {
    if (!room || closed) return;
    return room.setInserter((markdown) => {
      const { field, at } = caret.current;
      caret.current = { field, at: insertInto(field, markdown, at) };
      return tAll(`questions.${field}.label`);
    });
  }, [room, closed, insertInto, tAll]);

  const onCaret = useCallback((field: SummaryField, at: number) => {
    if (field !== "gist") caret.current = { field, at };
  }, []);

  const onImages = useCallback(
    async (field: SummaryField, files: File[], at: number) => {
      const say = (text: string, error = false) =>
        setImageNotices((n) => ({ ...n, [field]: { text, error } }));
      let caretAt = at;
      for (const file of files) {
        say(tAll("room.adding"));
        const outcome = await uploadImage(readingId, file);
        if (!outcome.ok) return say(tAll(`room.imageErrors.${outcome.reason}`), true);
        caretAt = insertInto(
          field,
          imageMarkdown(outcome.id, tAll("room.pastedAlt"), null),
          caretAt,
        );
      }
      setImageNotices((n) => ({ ...n, [field]: undefined }));
    },
    [insertInto, readingId, tAll],
  );

  const conflictOf = (f: SummaryField) => conflicts.find((c) => c.field === f);
  const late = new Set(lateFields(values, snapshot));
  const answerField = (f: SummaryField) => (
    <AnswerField
      key={f}
      field={f}
      value={values[f]}
      onChange={(text) => engine.change(f, text)}
      conflict={conflictOf(f)}
      onResolve={(text) => engine.resolve(f, text)}
      snapshotText={snapshot ? snapshot[f] : null}
      late={late.has(f)}
      readOnly={closed}
      onCaret={onCaret}
      onImages={onImages}
      imageNotice={imageNotices[f] ?? null}
      flash={flash === f}
    />
  );
  return (
    <section
      aria-labelledby="summary-title"
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="summary-title" className="text-lg font-semibold">
        {t("title")}
        <span className="ml-2 text-sm font-normal text-slate-600" data-testid="answered">
          {t("answered", { count: answeredCount(values) })}
        </span>
      </h2>
      {/* Stays in view while the reader writes the last question: paper, time left, save status. */}
      <div
        data-testid="sticky-status"
        className="sticky top-0 z-20 -mx-5 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-200 bg-white/95 px-5 py-2 backdrop-blur sm:-mx-6 sm:px-6"
      >
        <StickyClock />
        <StatusLine status={status} onRetry={() => engine.kick()} />
      </div>
      {closed ? <ClosedNotice unsent={engine.unsentText()} /> : null}
      {/* The gist spans the form; on a wide screen the six answers sit in two columns. */}
      {answerField("gist")}
      <div className="grid gap-6 2xl:grid-cols-2">{answerKeys.map(answerField)}</div>
      {closed ? null : (
        <RevisionHistory readingId={readingId} onRestore={(s: Summary) => engine.replaceAll(s)} />
      )}
    </section>
  );
}
