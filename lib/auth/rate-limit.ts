// Failed sign-ins, counted in the database so the limit holds across restarts and instances.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

function windowStart(): Date {
  return new Date(Date.now() - env().signInWindowMinutes * 60_000);
}

export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const since = windowStart();
  const max = env().signInMaxFailures;
  const [byEmail, byIp] = await Promise.all([
    db.signInFailure.count({ where: { email, createdAt: { gte: since } } }),
    db.signInFailure.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  return byEmail >= max || byIp >= max;
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await db.signInFailure.create({ data: { email, ip } });
  // Keep the table small: anything older than a day no longer matters.
  if (Math.random() < 0.05) {
    await db.signInFailure.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } },
    });
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email } });
}
