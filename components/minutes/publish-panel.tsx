"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CopyField } from "@/components/ui/copy-field";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import {
  minutesOptionsAction,
  publishMinutesAction,
  unpublishMinutesAction,
} from "@/lib/minutes/actions";

/** Publishing the minutes at a public link, and how they show readers and answers. */
export function PublishPanel({
  groupSlug,
  number,
  publicUrl,
  initials,
  atTimeUp,
}: {
  groupSlug: string;
  number: number;
  publicUrl: string | null;
  initials: boolean;
  atTimeUp: boolean;
}) {
  const t = useTranslations("minutes");
  const [pubState, publish] = useActionState(publishMinutesAction, idleState);
  const [unpubState, unpublish] = useActionState(unpublishMinutesAction, idleState);
  const [optState, saveOptions] = useActionState(minutesOptionsAction, idleState);
  const pub = useFormText(pubState);
  const unpub = useFormText(unpubState);
  const opt = useFormText(optState);
  const hidden = (
    <>
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="number" value={number} />
    </>
  );
  return (
    <section
      aria-labelledby="publish-title"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="publish-title" className="text-lg font-semibold">
        {t("publishing")}
      </h2>
      <p className="text-sm text-slate-600">{t("publishIntro")}</p>
      {pub.notice()}
      {unpub.notice()}
      {publicUrl ? (
        <div className="space-y-2">
          <p className="text-sm font-medium text-emerald-800">{t("published")}</p>
          <CopyField label={t("publicLink")} value={publicUrl} />
          <form
            action={unpublish}
            onSubmit={(e) => {
              if (!window.confirm(t("unpublishConfirm"))) e.preventDefault();
            }}
          >
            {hidden}
            <SubmitButton variant="danger" pendingLabel="…">
              {t("unpublish")}
            </SubmitButton>
          </form>
        </div>
      ) : (
        <form action={publish}>
          {hidden}
          <SubmitButton pendingLabel="…">{t("publish")}</SubmitButton>
        </form>
      )}
      <form action={saveOptions} className="space-y-2 border-t border-slate-100 pt-3">
        {hidden}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="initials" defaultChecked={initials} className="size-4" />
          {t("initialsOnly")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="atTimeUp" defaultChecked={atTimeUp} className="size-4" />
          {t("atTimeUp")}
        </label>
        <SubmitButton variant="secondary" pendingLabel="…">
          {t("saveOptions")}
        </SubmitButton>
        {opt.notice()}
      </form>
    </section>
  );
}
