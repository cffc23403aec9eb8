// "Connect GitHub to this account", carried across the provider's round trip: the profile's
// connect button leaves a short-lived cookie naming the signed-in user and the provider, signed
// with AUTH_SECRET; the sign-in callback links the provider's account to that user only when the
// cookie is genuine, unexpired and for the same provider. Without it, a provider sign-in never
// attaches itself to an account that has a password.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const LINK_COOKIE = "yomikai.link";
export const LINK_TTL_MS = 10 * 60_000;

const payloadSchema = z.object({
  u: z.string().min(1).max(64),
  p: z.string().max(32),
  e: z.number(),
});

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`link:${payload}`).digest();
}

export function signLinkIntent(
  secret: string,
  userId: string,
  provider: string,
  now = Date.now(),
): string {
  const payload = Buffer.from(
    JSON.stringify({ u: userId, p: provider, e: now + LINK_TTL_MS }),
  ).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** The user a link cookie names, when it is genuine, unexpired and for `provider`. */
export function readLinkIntent(
  secret: string,
  value: string | undefined,
  provider: string,
  now = Date.now(),
): string | null {
  if (!value || value.length > 1000) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: z.infer<typeof payloadSchema>;
  try {
    const result = payloadSchema.safeParse(
      JSON.parse(Buffer.from(payload, "base64url").toString()),
    );
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  if (parsed.p !== provider || parsed.e < now) return null;
  return parsed.u;
}
