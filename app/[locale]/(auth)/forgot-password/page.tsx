import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requestPasswordResetAction } from "@/lib/auth/actions";
import { Link } from "@/lib/i18n/navigation";
import { ForgotPasswordForm } from "@/components/auth/reset-forms";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "auth.reset" });
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t("reset.forgotTitle")}</h1>
        <p className="text-sm text-slate-600">{t("reset.forgotIntro")}</p>
      </div>
      <ForgotPasswordForm action={requestPasswordResetAction} />
      <p className="text-sm text-slate-600">
        <Link href="/sign-in" className="text-brand-700 font-medium underline">
          {t("reset.backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
