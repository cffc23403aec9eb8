"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { createMeetingAction } from "@/lib/meetings/actions";

/** Adds the browser's offset from UTC in minutes (as Date#getTimezoneOffset gives it). */
export function withTzOffset(action: (formData: FormData) => void) {
  return (formData: FormData) => {
    formData.set("tzOffset", String(new Date().getTimezoneOffset()));
    action(formData);
  };
}

export function StartNowButton({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("meetings");
  const [state, action] = useActionState(createMeetingAction, idleState);
  const f = useFormText(state);
  return (
    <form action={withTzOffset(action)}>
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="intent" value="startNow" />
      <SubmitButton pendingLabel={t("starting")}>{t("startNow")}</SubmitButton>
      {f.notice()}
    </form>
  );
}

export function ScheduleMeetingForm({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("meetings");
  const [state, action] = useActionState(createMeetingAction, idleState);
  const f = useFormText(state);
  return (
    <form action={withTzOffset(action)} className="space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <Field
        label={t("when")}
        name="scheduledAt"
        type="datetime-local"
        required
        defaultValue={f.value("scheduledAt")}
        errors={f.errors("scheduledAt")}
      />
      <Field
        label={t("titleLabel")}
        name="title"
        hint={t("titleHint")}
        maxLength={200}
        defaultValue={f.value("title")}
        errors={f.errors("title")}
      />
      <SubmitButton variant="secondary" pendingLabel={t("scheduling")}>
        {t("schedule")}
      </SubmitButton>
    </form>
  );
}
