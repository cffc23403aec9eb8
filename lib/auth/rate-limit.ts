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

/** How often each limited action may be used, per key (an address or an account). */
export const ACTION_LIMITS = {
  signUp: { limit: 10, windowMs: 60 * 60_000 },
  passwordChange: { limit: 10, windowMs: 60 * 60_000 },
  // Reset links asked for, per client address and per email address; issued by owners, per owner.
  passwordResetRequest: { limit: 5, windowMs: 60 * 60_000 },
  ownerResetLink: { limit: 20, windowMs: 24 * 60 * 60_000 },
  inviteJoin: { limit: 30, windowMs: 60 * 60_000 },
  groupCreate: { limit: 20, windowMs: 24 * 60 * 60_000 },
  meetingCreate: { limit: 60, windowMs: 24 * 60 * 60_000 },
  // Figures and pasted images, per reader: a busy reading has a few dozen.
  imageUpload: { limit: 120, windowMs: 60 * 60_000 },
} as const;

/**
 * Records one use of `action` by `who` and says whether it is within the limit. The use is
 * recorded first and counted with itself, so parallel uses cannot slip through together.
 */
export async function allowAction(
  action: keyof typeof ACTION_LIMITS,
  who: string,
  now = new Date(),
): Promise<boolean> {
  const { limit, windowMs } = ACTION_LIMITS[action];
  const key = `${action}:${who}`;
  await db.rateHit.create({ data: { key, createdAt: now }, select: { id: true } });
  const count = await db.rateHit.count({
    where: { key, createdAt: { gte: new Date(now.getTime() - windowMs), lte: now } },
  });
  if (Math.random() < 0.02)
    await db.rateHit.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - 2 * 24 * 60 * 60_000) } },
    });
  return count <= limit;
}

/**
 * A per-instance limit kept in memory, for a hot path that must not write a row per request: each
 * key has a bucket of `burst` requests that refills at `perSecond`. Says whether a request may go.
 */
export function memoryLimiter(options: { burst: number; perSecond: number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string, now = Date.now()): boolean => {
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    bucket.tokens = Math.min(
      options.burst,
      bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * options.perSecond,
    );
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    buckets.set(key, bucket);
    // Forget buckets that have refilled (their users went quiet), so the map stays small.
    if (buckets.size > 10_000)
      for (const [k, b] of buckets)
        if (b.tokens + ((now - b.at) / 1000) * options.perSecond >= options.burst)
          buckets.delete(k);
    return allowed;
  };
}

let autosaveLimiter: ReturnType<typeof memoryLimiter> | undefined;

/**
 * The autosave's limit per user and instance: generous (a reader typing in three tabs saves a few
 * times a second at most), there so one account cannot flood the database.
 */
export function allowAutosave(userId: string): boolean {
  autosaveLimiter ??= memoryLimiter(env().autosaveLimit);
  return autosaveLimiter(userId);
}
