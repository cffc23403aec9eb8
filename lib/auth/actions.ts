"use server";

import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { clientIp, signIn, signOut, enabledOAuthProviders } from "./config";
import {
  callbackPathSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./schema";
import { allowAction } from "./rate-limit";
import { fieldError, formError, formOnly, parseForm } from "@/lib/forms";
import { createUser, issueEmailReset, resetPassword } from "@/lib/users/mutations";
import { mailConfigured, sendMail } from "@/lib/mail";
import { publicOrigin } from "@/lib/origin";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { getUserCredentials } from "@/lib/users/data";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { rememberLocale } from "@/lib/i18n/remember-locale";
import { currentLocale } from "@/lib/i18n/current-locale";
import { landingAfterSignIn } from "@/lib/groups/invite-landing";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { LINK_COOKIE, LINK_TTL_MS, signLinkIntent } from "./link-intent";

/** The path to land on after signing in, in the user's language. */
function landingPath(callbackUrl: unknown, locale: Locale): string {
  const path = callbackPathSchema.parse(callbackUrl);
  if (path === "/") return `/${locale}/groups`;
  // Re-home a localized path into the user's language.
  const [, first, ...rest] = path.split("/");
  return isLocale(first) ? `/${[locale, ...rest].join("/")}` : `/${locale}${path}`;
}

/** Where to go once signed in: through an invite (joining its group) or to the callback. */
async function landingFor(userId: string, callbackUrl: unknown, locale: Locale): Promise<string> {
  const path = callbackPathSchema.parse(callbackUrl);
  return (await landingAfterSignIn(userId, path, locale)) ?? landingPath(path, locale);
}

export const signUpAction = formOnly(async (_prev, formData) => {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed.state;
  if (!(await allowAction("signUp", clientIp(await headers()))))
    return formError("errors.RATE_LIMITED", formData);
  const locale = await currentLocale();
  const user = await createUser({ ...parsed.data, locale });
  if (!user) return fieldError("email", "validation.emailTaken", formData);
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
  } catch (error) {
    if (error instanceof AuthError) return formError("errors.signInAfterSignUp", formData);
    throw error;
  }
  redirect(await landingFor(user.id, formData.get("callbackUrl"), locale));
});

export const signInAction = formOnly(async (_prev, formData) => {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return formError(
        error.code === "rate_limited" ? "errors.tooManyAttempts" : "errors.invalidCredentials",
        formData,
      );
    }
    if (error instanceof AuthError) return formError("errors.invalidCredentials", formData);
    throw error;
  }
  const user = await getUserCredentials(parsed.data.email);
  const locale = user?.locale && isLocale(user.locale) ? user.locale : await currentLocale();
  await rememberLocale(locale);
  redirect(
    user
      ? await landingFor(user.id, formData.get("callbackUrl"), locale)
      : landingPath(formData.get("callbackUrl"), locale),
  );
});

/**
 * "Forgot your password?": mails a one-time link (an hour) when an account has this address. The
 * answer is the same whether or not it has one; the mail goes out after the answer, so the time
 * taken says nothing either. Without a mail server, the person is told to ask a group owner.
 */
export const requestPasswordResetAction = formOnly(async (_prev, formData) => {
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { email } = parsed.data;
  const locale = await currentLocale();
  if (!mailConfigured() && env().nodeEnv === "production")
    return formError("auth.reset.noMail", formData);
  const ip = clientIp(await headers());
  const [byIp, byEmail] = await Promise.all([
    allowAction("passwordResetRequest", `ip:${ip}`),
    allowAction("passwordResetRequest", `email:${email}`),
  ]);
  if (!byIp || !byEmail) return formError("errors.RATE_LIMITED", formData);
  const origin = await publicOrigin();
  after(async () => {
    const reset = await issueEmailReset(email);
    if (!reset) return;
    const language = reset.locale && isLocale(reset.locale) ? reset.locale : locale;
    const t = await getTranslations({ locale: language, namespace: "auth.reset.mail" });
    await sendMail({
      to: email,
      subject: t("subject"),
      text: t("body", {
        name: reset.name,
        link: `${origin}/${language}/reset-password/${reset.token}`,
      }),
    });
  });
  return { status: "success", message: "auth.reset.sent", data: { email } };
});

/** Sets a new password from a reset link, ends every other session and signs in. */
export const resetPasswordAction = formOnly(async (_prev, formData) => {
  const parsed = parseForm(resetPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await resetPassword(parsed.data.token, parsed.data.newPassword);
  if (!result.ok) return formError("auth.reset.invalidLink");
  const locale = await currentLocale();
  try {
    await signIn("credentials", {
      email: result.email,
      password: parsed.data.newPassword,
      redirect: false,
    });
  } catch (error) {
    if (error instanceof AuthError) redirect(`/${locale}/sign-in`);
    throw error;
  }
  redirect(`/${locale}/groups`);
});

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = formData instanceof FormData ? formData.get("provider") : null;
  const enabled = enabledOAuthProviders() as string[];
  if (typeof provider !== "string" || !enabled.includes(provider))
    redirect(`/${await currentLocale()}/sign-in`);
  await signIn(provider, {
    redirectTo: landingPath(formData.get("callbackUrl"), await currentLocale()),
  });
}

/**
 * The profile's "connect GitHub/Google": leaves a signed, short-lived cookie naming the signed-in
 * user (the sign-in callback links the provider account to them), then hands over to the provider.
 */
export async function connectOAuthAction(formData: FormData): Promise<void> {
  const locale = await currentLocale();
  const user = await getSessionUser();
  if (!user) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent("/profile")}`);
  const provider = formData instanceof FormData ? formData.get("provider") : null;
  const enabled = enabledOAuthProviders() as string[];
  if (typeof provider !== "string" || !enabled.includes(provider)) redirect(`/${locale}/profile`);
  (await cookies()).set(LINK_COOKIE, signLinkIntent(env().authSecret, user.id, provider), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && env().publicUrl?.startsWith("https:"),
    path: "/",
    maxAge: LINK_TTL_MS / 1000,
  });
  await signIn(provider, { redirectTo: `/${locale}/profile?connected=${provider}` });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: `/${await currentLocale()}` });
}
