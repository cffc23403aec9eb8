import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { SignUpForm } from "@/components/auth/sign-in-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { oauthSignInAction, signUpAction } from "@/lib/auth/actions";
import { enabledOAuthProviders } from "@/lib/auth/config";
import { callbackPathSchema } from "@/lib/auth/schema";
import { getSessionUser } from "@/lib/auth/session";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "nav" });
  return { title: t("signUp") };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const callbackUrl = callbackPathSchema.parse((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl === "/" ? `/${locale}/groups` : callbackUrl);
  const t = await getTranslations("auth");
  const signInHref =
    callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{t("signUpTitle")}</h1>
      <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
      <OAuthButtons
        providers={enabledOAuthProviders()}
        action={oauthSignInAction}
        callbackUrl={callbackUrl}
      />
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href={signInHref} className="text-brand-700 font-medium underline">
          {t("signInInstead")}
        </Link>
      </p>
    </div>
  );
}
