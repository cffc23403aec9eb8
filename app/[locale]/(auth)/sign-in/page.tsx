import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { oauthSignInAction, signInAction } from "@/lib/auth/actions";
import { enabledOAuthProviders } from "@/lib/auth/config";
import { callbackPathSchema } from "@/lib/auth/schema";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/session";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "nav" });
  return { title: t("signIn") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const callbackUrl = callbackPathSchema.parse(query.callbackUrl);
  const linkError =
    query.error === "linkWithPassword" || query.error === "unverifiedEmail" ? query.error : null;
  if (await getSessionUser()) redirect(callbackUrl === "/" ? `/${locale}/groups` : callbackUrl);
  const t = await getTranslations("auth");
  const signUpHref =
    callbackUrl === "/" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{t("signInTitle")}</h1>
      {linkError ? <Notice tone="error">{t(`oauth.${linkError}`)}</Notice> : null}
      <SignInForm action={signInAction} callbackUrl={callbackUrl} />
      <p className="-mt-3 text-right text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("reset.forgotLink")}
        </Link>
      </p>
      <OAuthButtons
        providers={enabledOAuthProviders()}
        action={oauthSignInAction}
        callbackUrl={callbackUrl}
      />
      <p className="text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href={signUpHref} className="text-brand-700 font-medium underline">
          {t("createOne")}
        </Link>
      </p>
    </div>
  );
}
