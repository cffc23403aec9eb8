// Sign-in attempts, counted in the database so the limit holds across restarts and instances.
// An attempt is recorded before the password is checked and counted with itself, so parallel
// attempts cannot slip past the limit between a check and a record. The limit backs off one
// client's guesses at one account (email + IP) and one client's guesses across accounts (IP);
// it never locks the account itself, which would let anyone lock out a known address.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

function windowStart(): Date {
  return new Date(Date.now() - env().signInWindowMinutes * 60_000);
}

/**
 * Records an attempt and says whether it is over the limit. The attempt stays recorded as a
 * failure unless `attemptSucceeded` removes it.
 */
export async function recordSignInAttempt(
  email: string,
  ip: string,
): Promise<{ id: string; blocked: boolean }> {
  const attempt = await db.signInFailure.create({ data: { email, ip }, select: { id: true } });
  const since = windowStart();
  const max = env().signInMaxFailures;
  const [byPair, byIp] = await Promise.all([
    db.signInFailure.count({ where: { email, ip, createdAt: { gte: since } } }),
    db.signInFailure.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  // Keep the table small: anything older than a day no longer matters.
  if (Math.random() < 0.05) {
    await db.signInFailure.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } },
    });
  }
  return { id: attempt.id, blocked: byPair > max || byIp > max };
}

/** A correct password: this attempt was no failure, and this client's count for the account restarts. */
export async function attemptSucceeded(email: string, ip: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email, ip } });
}
