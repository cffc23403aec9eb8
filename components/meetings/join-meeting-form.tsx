"use client";

import { useActionState, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { changePaperAction, joinMeetingAction } from "@/lib/meetings/actions";
import type { FormAction } from "@/lib/forms";
import { PAPER_TITLE_MAX } from "@/lib/papers/constants";
import { IDENTIFIER_MAX } from "@/lib/papers/identifiers";
import type { LookupAnswer } from "@/lib/papers/lookup-answer";
import { Link } from "@/lib/i18n/navigation";
import type { QueueEntry } from "@/lib/queue/schema";

type PaperFormProps = { meetingId: string; groupSlug: string; number: number };

export function JoinMeetingForm({
  queue = [],
  ...props
}: PaperFormProps & { queue?: QueueEntry[] }) {
  const t = useTranslations("meeting");
  return (
    <section
      aria-labelledby="join-title"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="join-title" className="text-lg font-semibold">
        {t("joinTitle")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("joinIntro")}</p>
      <PaperForm
        {...props}
        offers={queue}
        formAction={joinMeetingAction}
        submitLabel={t("join")}
        pendingLabel={t("joining")}
      />
    </section>
  );
}

/** Another paper for a reader who has not started yet. */
export function ChangePaperForm({ title, ...props }: PaperFormProps & { title: string }) {
  const t = useTranslations("meeting");
  return (
    <PaperForm
      {...props}
      formAction={changePaperAction}
      submitLabel={t("savePaper")}
      pendingLabel="…"
      initialTitle={title}
    />
  );
}

type Details = {
  title: string;
  authors: string;
  year: string;
  url: string;
  arxivId: string;
  doi: string;
};
type Lookup =
  { state: "idle" } | { state: "busy" } | { state: "failed" } | ({ state: "done" } & LookupAnswer);

/**
 * A paper as the reader picks it: paste an identifier and the details fill themselves in from
 * arXiv or doi.org; when the services are unreachable or the paste is something else, the same
 * fields are filled by hand. Papers read before are flagged before joining.
 */
function PaperForm({
  meetingId,
  groupSlug,
  number,
  formAction,
  submitLabel,
  pendingLabel,
  initialTitle = "",
  offers = [],
}: PaperFormProps & {
  offers?: QueueEntry[];
  formAction: FormAction;
  submitLabel: string;
  pendingLabel: string;
  initialTitle?: string;
}) {
  const t = useTranslations("meeting");
  const tq = useTranslations("queue");
  const format = useFormatter();
  const [state, action] = useActionState(formAction, idleState);
  const f = useFormText(state);
  const [identifier, setIdentifier] = useState("");
  const [details, setDetails] = useState<Details>(() => ({
    title: f.value("title") || initialTitle,
    authors: f.value("authors"),
    year: f.value("year"),
    url: f.value("url"),
    arxivId: f.value("arxivId"),
    doi: f.value("doi"),
  }));
  const [lookup, setLookup] = useState<Lookup>({ state: "idle" });
  const asked = useRef(0);
  const set = (key: keyof Details) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setDetails((d) => ({ ...d, [key]: e.target.value }));

  async function lookUp(text: string) {
    const q = text.trim();
    if (!q) return;
    const id = ++asked.current;
    setLookup({ state: "busy" });
    let answer: LookupAnswer;
    try {
      const response = await fetch(
        `/api/meetings/${encodeURIComponent(meetingId)}/paper-lookup?q=${encodeURIComponent(q)}`,
        { headers: { Accept: "application/json" } },
      );
      if (!response.ok) throw new Error(String(response.status));
      answer = (await response.json()) as LookupAnswer;
    } catch {
      // Offline, or the app itself did not answer: the form stays usable by hand.
      if (id === asked.current) setLookup({ state: "failed" });
      return;
    }
    if (id !== asked.current) return; // A newer paste took over.
    setLookup({ state: "done", ...answer });
    if (answer.status === "found") {
      const p = answer.paper;
      setDetails({
        title: p.title,
        authors: p.authors.join("\n"),
        year: p.year ? String(p.year) : "",
        url: p.url ?? "",
        arxivId: p.arxivId ?? "",
        doi: p.arxivId ? "" : (p.doi ?? ""),
      });
    } else if (answer.status === "unavailable") {
      // Keep what was recognised; the rest is typed by hand.
      const i = answer.identifier;
      setDetails((d) => ({
        ...d,
        arxivId: i.kind === "arxiv" ? i.id + (i.version ? `v${i.version}` : "") : "",
        doi: i.kind === "doi" ? i.doi : "",
      }));
    } else if (answer.status === "unrecognised") {
      const isLink = /^https?:\/\//i.test(q);
      setDetails((d) => ({
        ...d,
        url: isLink ? q.slice(0, 2000) : d.url,
        title: isLink || d.title ? d.title : q.slice(0, PAPER_TITLE_MAX),
      }));
    }
  }

  const source = (kind: "arxiv" | "doi") => (kind === "arxiv" ? "arXiv" : "doi.org");
  const found = lookup.state === "done" && lookup.status === "found" ? lookup : null;
  const readBefore = found ? found.history.mine : [];
  const mustConfirm = readBefore.length > 0 || state.message === "meeting.readBefore";
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "medium" });

  return (
    <form action={action} className="space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="number" value={number} />

      {offers.length > 0 ? (
        <div>
          <p className="text-sm font-medium text-slate-800">{tq("fromQueue")}</p>
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="queue-offers">
            {offers.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  onClick={() => {
                    setIdentifier(o.identifier ?? "");
                    void lookUp(o.identifier ?? "");
                  }}
                  className="hover:bg-brand-50 max-w-xs truncate rounded-full border border-slate-300 bg-white px-3 py-1 text-left text-sm text-slate-800"
                  title={o.title}
                >
                  {o.claimedBy ? `★ ${o.title}` : o.title}
                  <span className="ml-1 text-slate-500">({tq("votes", { count: o.votes })})</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="space-y-1">
        <label htmlFor="paper-identifier" className="block text-sm font-medium text-slate-800">
          {t("identifier")}
        </label>
        <div className="flex gap-2">
          <input
            id="paper-identifier"
            value={identifier}
            maxLength={IDENTIFIER_MAX}
            spellCheck={false}
            autoComplete="off"
            placeholder="2304.13705"
            aria-describedby="paper-identifier-hint paper-lookup-status"
            onChange={(e) => setIdentifier(e.target.value)}
            onPaste={(e) => {
              const text = e.clipboardData.getData("text");
              if (text.trim()) void lookUp(text);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void lookUp(identifier);
              }
            }}
            className="focus:border-brand-500 block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-base text-slate-900 shadow-sm sm:text-sm"
          />
          <button
            type="button"
            onClick={() => void lookUp(identifier)}
            disabled={lookup.state === "busy"}
            className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {lookup.state === "busy" ? t("lookingUp") : t("lookUp")}
          </button>
        </div>
        <p id="paper-identifier-hint" className="text-xs text-slate-600">
          {t("identifierHint")}
        </p>
        <p
          id="paper-lookup-status"
          role="status"
          data-testid="lookup-status"
          data-status={lookup.state === "done" ? lookup.status : lookup.state}
          className={`text-sm ${found ? "text-emerald-800" : "text-amber-800"}`}
        >
          {lookup.state === "failed"
            ? t("lookupFailed")
            : lookup.state !== "done"
              ? ""
              : lookup.status === "found"
                ? t("lookupFound", { source: source(lookup.identifier.kind) })
                : lookup.status === "unavailable"
                  ? t("lookupUnavailable", { source: source(lookup.identifier.kind) })
                  : lookup.status === "notFound"
                    ? t("lookupNotFound")
                    : t("lookupUnrecognised")}
        </p>
      </div>

      {found && found.history.others.length > 0 ? (
        <div data-testid="read-by-others" className="rounded-md bg-sky-50 p-3 text-sm text-sky-900">
          <p className="font-medium">{t("readByOthers")}</p>
          <ul className="mt-1 list-disc pl-5">
            {found.history.others.map((o) => (
              <li key={`${o.path}-${o.name}`}>
                <Link href={o.path} className="underline">
                  {t("readIn", { where: o.name, number: o.number, date: when(o.at) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {mustConfirm ? (
        <div
          data-testid="read-before"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p className="font-semibold">{t("readBeforeTitle")}</p>
          {readBefore.length > 0 ? (
            <>
              <p>{t("readBeforeIntro")}</p>
              <ul className="list-disc pl-5">
                {readBefore.map((m) => (
                  <li key={`${m.groupName}-${m.number}`}>
                    {m.path ? (
                      <Link href={m.path} className="underline">
                        {t("readIn", { where: m.groupName, number: m.number, date: when(m.at) })}
                      </Link>
                    ) : (
                      t("readIn", { where: m.groupName, number: m.number, date: when(m.at) })
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmReread" className="size-4" />
            {t("readBeforeConfirm")}
          </label>
        </div>
      ) : null}

      <fieldset className="space-y-4">
        <legend className="sr-only">{t("paperDetails")}</legend>
        <Field
          label={t("paperTitle")}
          name="title"
          required
          maxLength={PAPER_TITLE_MAX}
          value={details.title}
          onChange={set("title")}
          errors={f.errors("title")}
        />
        <label htmlFor="authors" className="block text-sm font-medium text-slate-800">
          {t("authors")}
        </label>
        <textarea
          id="authors"
          name="authors"
          rows={Math.min(6, Math.max(1, details.authors.split("\n").length))}
          value={details.authors}
          onChange={(e) => setDetails((d) => ({ ...d, authors: e.target.value }))}
          aria-describedby="authors-hint"
          className="focus:border-brand-500 -mt-3 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm"
        />
        <p id="authors-hint" className="-mt-3 text-xs text-slate-600">
          {t("authorsHint")}
        </p>
        {f.errors("authors") ? (
          <p className="text-sm text-red-700">{f.errors("authors")!.join(" ")}</p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
          <Field
            label={t("year")}
            name="year"
            inputMode="numeric"
            value={details.year}
            onChange={set("year")}
            errors={f.errors("year")}
          />
          <Field
            label={t("url")}
            name="url"
            type="url"
            placeholder="https://"
            value={details.url}
            onChange={set("url")}
            errors={f.errors("url")}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("arxivId")}
            name="arxivId"
            hint={t("arxivHint")}
            spellCheck={false}
            value={details.arxivId}
            onChange={set("arxivId")}
            errors={f.errors("arxivId")}
          />
          <Field
            label={t("doi")}
            name="doi"
            spellCheck={false}
            value={details.doi}
            onChange={set("doi")}
            errors={f.errors("doi")}
          />
        </div>
      </fieldset>
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </form>
  );
}
