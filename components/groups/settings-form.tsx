"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { updateGroupSettingsAction } from "@/lib/groups/actions";
import { formatMinutesSeconds } from "@/lib/number-text";

type Props = {
  groupSlug: string;
  values: {
    name: string;
    readingMinutes: number;
    recapSoftSeconds: number;
    recapHardSeconds: number;
    indexMinutes: boolean;
    zennPublication: string | null;
  };
};

export function GroupSettingsForm({ groupSlug, values }: Props) {
  const t = useTranslations();
  const [state, action] = useActionState(updateGroupSettingsAction, idleState);
  const f = useFormText(state);
  // Text fields, so full-width digits typed with a Japanese keyboard reach the server (which reads
  // them); durations are minutes:seconds.
  const num = { inputMode: "numeric", required: true, autoComplete: "off" } as const;
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <Field
        label={t("groups.name")}
        name="name"
        required
        maxLength={100}
        defaultValue={f.value("name", values.name)}
        errors={f.errors("name")}
      />
      <Field
        label={t("groups.slug")}
        name="slug"
        hint={t("settings.slugHint")}
        required
        maxLength={40}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        defaultValue={f.value("slug", groupSlug)}
        errors={f.errors("slug")}
      />
      <Field
        label={t("settings.readingMinutes")}
        name="readingMinutes"
        hint={t("settings.readingMinutesHint")}
        defaultValue={f.value("readingMinutes", String(values.readingMinutes))}
        errors={f.errors("readingMinutes")}
        {...num}
      />
      <Field
        label={t("settings.recapSoft")}
        name="recapSoftSeconds"
        hint={t("settings.recapSoftHint")}
        placeholder="1:00"
        defaultValue={f.value("recapSoftSeconds", formatMinutesSeconds(values.recapSoftSeconds))}
        errors={f.errors("recapSoftSeconds")}
        {...num}
      />
      <Field
        label={t("settings.recapHard")}
        name="recapHardSeconds"
        hint={t("settings.recapHardHint")}
        placeholder="2:00"
        defaultValue={f.value("recapHardSeconds", formatMinutesSeconds(values.recapHardSeconds))}
        errors={f.errors("recapHardSeconds")}
        {...num}
      />
      <fieldset className="space-y-3 border-t border-slate-200 pt-4">
        <legend className="text-sm font-semibold text-slate-800">{t("settings.minutes")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="indexMinutes"
            defaultChecked={values.indexMinutes}
            className="mt-0.5 size-4"
          />
          <span>{t("settings.indexMinutes")}</span>
        </label>
        <Field
          label={t("settings.zennPublication")}
          name="zennPublication"
          hint={t("settings.zennPublicationHint")}
          spellCheck={false}
          defaultValue={f.value("zennPublication", values.zennPublication ?? "")}
          errors={f.errors("zennPublication")}
        />
      </fieldset>
      <SubmitButton pendingLabel={t("settings.saving")}>{t("settings.save")}</SubmitButton>
    </form>
  );
}
