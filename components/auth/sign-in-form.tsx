"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState, type FormState } from "@/lib/forms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function SignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={f.value("email")}
        errors={f.errors("email")}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={f.errors("password")}
      />
      <SubmitButton pendingLabel={t("signingIn")} className="w-full">
        {t("signInButton")}
      </SubmitButton>
    </form>
  );
}

export function SignUpForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {f.notice()}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label={t("name")}
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        hint={t("nameHint")}
        defaultValue={f.value("name")}
        errors={f.errors("name")}
      />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={f.value("email")}
        errors={f.errors("email")}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("passwordHint")}
        errors={f.errors("password")}
      />
      <SubmitButton pendingLabel={t("signingUp")} className="w-full">
        {t("signUpButton")}
      </SubmitButton>
    </form>
  );
}
