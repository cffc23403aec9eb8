import { z } from "zod";

/** A calendar feed's secret: 24 random bytes, base64url. */
export const calendarTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** The feed route's last segment: `<token>.ics` (calendar apps like the extension). */
export const calendarFeedParams = z.object({
  feed: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32}\.ics$/)
    .transform((s) => s.slice(0, -".ics".length)),
});

export const calendarFeedFormSchema = z.object({
  renew: z.enum(["1"]).optional(),
});
