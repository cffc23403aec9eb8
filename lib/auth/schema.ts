// Inputs of sign-up, sign-in and the profile. Messages are keys under "validation" in messages/*.json.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(254, { error: "emailInvalid" })
  .pipe(z.email({ error: "emailInvalid" }));

export const passwordSchema = z
  .string({ error: "required" })
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(PASSWORD_MAX, { error: "passwordTooLong" });

export const displayNameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(NAME_MAX, { error: "nameTooLong" });

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Only presence is checked at sign-in: old passwords may predate today's rules.
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(PASSWORD_MAX),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const localeSchema = z.enum(locales, { error: "localeInvalid" });

export const profileSchema = z.object({
  name: displayNameSchema,
  locale: localeSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "required" })
      .min(1, { error: "required" })
      .max(PASSWORD_MAX),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "passwordsDiffer",
  });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

export const resetPasswordSchema = z
  .object({
    token: resetTokenSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "passwordsDiffer",
  });

const LOCAL_ORIGIN = "https://yomikai.invalid";
// Control characters and backslashes: browsers drop or reinterpret them in URLs (/\t/evil.example
// and /\\evil.example both reach another host), so a path holding one is never followed.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** A path on this site, normalised as a browser would read it; null when it leaves the site. */
export function sameSitePath(value: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  if (UNSAFE.test(value) || UNSAFE.test(decoded)) return null;
  if (!value.startsWith("/") || value.startsWith("//") || decoded.startsWith("//")) return null;
  const url = new URL(value, LOCAL_ORIGIN);
  if (url.origin !== LOCAL_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to go after signing in: only a path on this site, never another origin. */
export const callbackPathSchema = z
  .string()
  .max(2000)
  .transform((v, ctx) => {
    const path = sameSitePath(v);
    if (path === null) {
      ctx.addIssue({ code: "custom", message: "notSameSite" });
      return z.NEVER;
    }
    return path;
  })
  .catch("/");
