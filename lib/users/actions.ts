"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { changePasswordSchema, localeSchema, profileSchema } from "@/lib/auth/schema";
import { verifyPassword } from "@/lib/auth/password";
import { fieldError, formError, formOnly, parseForm } from "@/lib/forms";
import { allowAction } from "@/lib/auth/rate-limit";
import { getPasswordHash } from "./data";
import { updateLocale, updatePassword, updateProfile } from "./mutations";
import { signIn } from "@/lib/auth/config";
import { rememberLocale } from "@/lib/i18n/remember-locale";

export const updateProfileAction = formOnly(async (_prev, formData) => {
  // Signed out (a session that expired on an open page): a message, not a server error.
  const user = await getSessionUser();
  if (!user) return formError("errors.UNAUTHENTICATED");
  const parsed = parseForm(profileSchema, formData);
  if (!parsed.ok) return parsed.state;
  await updateProfile(user.id, parsed.data);
  await rememberLocale(parsed.data.locale);
  revalidatePath("/", "layout");
  return { status: "success", message: "profile.saved", data: { locale: parsed.data.locale } };
});

export const changePasswordAction = formOnly(async (_prev, formData) => {
  // Signed out (a session that expired on an open page): a message, not a server error.
  const user = await getSessionUser();
  if (!user) return formError("errors.UNAUTHENTICATED");
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  if (!(await allowAction("passwordChange", user.id))) return formError("errors.RATE_LIMITED");
  const hash = await getPasswordHash(user.id);
  if (!hash || !(await verifyPassword(hash, parsed.data.currentPassword))) {
    return fieldError("currentPassword", "validation.currentPasswordWrong");
  }
  await updatePassword(user.id, parsed.data.newPassword);
  // Every other session has ended; this one is signed in again under the new password, and the
  // page is loaded afresh with that session.
  await signIn("credentials", {
    email: user.email,
    password: parsed.data.newPassword,
    redirect: false,
  });
  redirect(`/${await getLocale()}/profile?password=changed`);
});

/** Remembers a language choice: in a cookie for everyone, on the account when signed in. */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false };
  await rememberLocale(parsed.data);
  const user = await getSessionUser();
  if (user) await updateLocale(user.id, parsed.data);
  return { ok: true };
}
