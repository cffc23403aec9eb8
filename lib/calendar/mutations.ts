import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/**
 * The member's calendar feed token: the one they have, or a new one when they have none or ask
 * to replace it (the old link then stops working at once).
 */
export async function issueCalendarToken(
  membershipId: string,
  options: { renew: boolean },
): Promise<string> {
  if (!options.renew) {
    const existing = await db.membership.findUnique({
      where: { id: membershipId },
      select: { calendarToken: true },
    });
    if (existing?.calendarToken) return existing.calendarToken;
  }
  const token = randomBytes(24).toString("base64url");
  await db.membership.update({
    where: { id: membershipId },
    data: { calendarToken: token },
    select: { id: true },
  });
  return token;
}
