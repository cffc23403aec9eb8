"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState, type FormAction } from "@/lib/forms";

export function ForgotPasswordForm({ action: send }: { action: FormAction }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(send, idleState);
  const f = useFormText(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {f.notice()}
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={f.value("email", state.data?.email ?? "")}
        errors={f.errors("email")}
      />
      <SubmitButton pendingLabel={t("reset.sending")} className="w-full">
        {t("reset.send")}
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token, action: save }: { token: string; action: FormAction }) {
  const t = useTranslations("auth");
  const tp = useTranslations("profile");
  const [state, action] = useActionState(save, idleState);
  const f = useFormText(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="token" value={token} />
      <Field
        label={tp("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("passwordHint")}
        errors={f.errors("newPassword")}
      />
      <Field
        label={tp("confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={f.errors("confirmPassword")}
      />
      <SubmitButton pendingLabel={t("reset.saving")} className="w-full">
        {t("reset.save")}
      </SubmitButton>
    </form>
  );
}
