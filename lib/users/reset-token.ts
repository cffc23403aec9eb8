// Password reset links: a random token, kept only as its SHA-256, valid once and for a while. A
// person asks for one by email (an hour); a group owner can issue one for a member (a day).
import { createHash, randomBytes } from "node:crypto";

export const EMAIL_RESET_MS = 60 * 60_000;
export const OWNER_RESET_MS = 24 * 60 * 60_000;

export function newResetToken(): string {
  return randomBytes(24).toString("base64url");
}

export function resetTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
