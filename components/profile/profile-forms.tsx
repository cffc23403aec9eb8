"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { changePasswordAction, updateProfileAction } from "@/lib/users/actions";
import { locales } from "@/lib/i18n/routing";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { useEffect } from "react";

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(updateProfileAction, idleState);
  const f = useFormText(state);
  const router = useRouter();
  const pathname = usePathname();
  const pageLocale = useLocale();
  const savedLocale = state.status === "success" ? state.data?.locale : undefined;

  // A new language takes effect at once: the page reloads in it.
  useEffect(() => {
    if (savedLocale && savedLocale !== pageLocale)
      router.replace(pathname, { locale: savedLocale });
  }, [savedLocale, pageLocale, pathname, router]);

  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {f.notice()}
      <Field
        label={t("auth.name")}
        name="name"
        required
        maxLength={100}
        defaultValue={f.value("name", name)}
        errors={f.errors("name")}
      />
      <SelectField
        label={t("profile.language")}
        name="locale"
        defaultValue={f.value("locale", locale)}
        errors={f.errors("locale")}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("profile.saving")}>{t("profile.save")}</SubmitButton>
    </form>
  );
}

export function PasswordForm() {
  const t = useTranslations("profile");
  const [state, action] = useActionState(changePasswordAction, idleState);
  const f = useFormText(state);
  return (
    <form
      action={action}
      className="max-w-md space-y-4"
      noValidate
      key={state.status === "success" ? "done" : "edit"}
    >
      {f.notice()}
      <Field
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={f.errors("currentPassword")}
      />
      <Field
        label={t("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        errors={f.errors("newPassword")}
      />
      <Field
        label={t("confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={f.errors("confirmPassword")}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("changePassword")}</SubmitButton>
    </form>
  );
}
