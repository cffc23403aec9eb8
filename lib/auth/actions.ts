"use server";

import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { clientIp, signIn, signOut, enabledOAuthProviders } from "./config";
import { callbackPathSchema, signInSchema, signUpSchema } from "./schema";
import { allowAction } from "./rate-limit";
import { fieldError, formError, formOnly, parseForm } from "@/lib/forms";
import { createUser } from "@/lib/users/mutations";
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
