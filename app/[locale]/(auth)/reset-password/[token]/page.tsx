import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { resetPasswordAction } from "@/lib/auth/actions";
import { Link } from "@/lib/i18n/navigation";
import { resetTokenSchema } from "@/lib/auth/schema";
import { resetLinkView } from "@/lib/users/data";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import { ResetPasswordForm } from "@/components/auth/reset-forms";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "auth.reset" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ResetPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth.reset");
  const parsed = resetTokenSchema.safeParse(token);
  const view = parsed.success ? await resetLinkView(parsed.data) : ({ status: "unknown" } as const);
  if (view.status !== "valid") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Notice tone="error">{t(`link.${view.status}`)}</Notice>
        <Link href="/forgot-password" className={buttonClass("secondary")}>
          {t("askAgain")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("for", { email: view.email })}</p>
      </div>
      <ResetPasswordForm token={parsed.data!} action={resetPasswordAction} />
    </div>
  );
}
