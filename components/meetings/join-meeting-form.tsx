"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { changePaperAction, joinMeetingAction } from "@/lib/meetings/actions";
import type { FormAction } from "@/lib/forms";
import { PAPER_TITLE_MAX } from "@/lib/papers/schema";

export function JoinMeetingForm({ groupSlug, number }: { groupSlug: string; number: number }) {
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
        groupSlug={groupSlug}
        number={number}
        formAction={joinMeetingAction}
        submitLabel={t("join")}
        pendingLabel={t("joining")}
      />
    </section>
  );
}

/** Another paper for a reader who has not started yet. */
export function ChangePaperForm({
  groupSlug,
  number,
  title,
}: {
  groupSlug: string;
  number: number;
  title: string;
}) {
  const t = useTranslations("meeting");
  return (
    <PaperForm
      groupSlug={groupSlug}
      number={number}
      formAction={changePaperAction}
      submitLabel={t("savePaper")}
      pendingLabel="…"
      initialTitle={title}
    />
  );
}

/** A paper as the reader enters it: title (required), authors, year, URL, arXiv id, DOI. */
function PaperForm({
  groupSlug,
  number,
  formAction,
  submitLabel,
  pendingLabel,
  initialTitle = "",
}: {
  groupSlug: string;
  number: number;
  formAction: FormAction;
  submitLabel: string;
  pendingLabel: string;
  initialTitle?: string;
}) {
  const t = useTranslations("meeting");
  const [state, action] = useActionState(formAction, idleState);
  const f = useFormText(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="number" value={number} />
      <Field
        label={t("paperTitle")}
        name="title"
        required
        maxLength={PAPER_TITLE_MAX}
        defaultValue={f.value("title") || initialTitle}
        errors={f.errors("title")}
      />
      <Field
        label={t("authors")}
        name="authors"
        hint={t("authorsHint")}
        defaultValue={f.value("authors")}
        errors={f.errors("authors")}
      />
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <Field
          label={t("year")}
          name="year"
          inputMode="numeric"
          defaultValue={f.value("year")}
          errors={f.errors("year")}
        />
        <Field
          label={t("url")}
          name="url"
          type="url"
          placeholder="https://"
          defaultValue={f.value("url")}
          errors={f.errors("url")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("arxivId")}
          name="arxivId"
          hint={t("arxivHint")}
          spellCheck={false}
          defaultValue={f.value("arxivId")}
          errors={f.errors("arxivId")}
        />
        <Field
          label={t("doi")}
          name="doi"
          spellCheck={false}
          defaultValue={f.value("doi")}
          errors={f.errors("doi")}
        />
      </div>
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </form>
  );
}
