import { z } from "zod";
import { intField, minutesSecondsField } from "@/lib/number-field";
import { idSchema } from "@/lib/ids";
import { RESERVED_SLUGS, SLUG_MAX, SLUG_MIN, SLUG_PATTERN } from "./slug";

export const GROUP_NAME_MAX = 100;
import { INVITE_DAYS, READING_MINUTES, RECAP_SECONDS, roles, type GroupRole } from "./constants";
export { INVITE_DAYS, READING_MINUTES, RECAP_SECONDS, roles, type GroupRole } from "./constants";

export const groupNameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(GROUP_NAME_MAX, { error: "nameTooLong" });

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, { error: "slugTooShort" })
  .max(SLUG_MAX, { error: "slugTooLong" })
  .regex(SLUG_PATTERN, { error: "slugInvalid" })
  .refine((s) => !RESERVED_SLUGS.has(s), { error: "slugReserved" });

export const createGroupSchema = z.object({
  name: groupNameSchema,
  // Empty means "make one from the name".
  slug: z.union([z.literal("").transform(() => undefined), slugSchema]).optional(),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const groupSettingsSchema = z
  .object({
    name: groupNameSchema,
    // The group's address; absent or empty keeps the one it has.
    slug: z.union([z.literal("").transform(() => undefined), slugSchema]).optional(),
    readingMinutes: intField(READING_MINUTES.min, READING_MINUTES.max),
    // Typed as minutes:seconds ("1:30"); plain seconds are read too.
    recapSoftSeconds: minutesSecondsField(RECAP_SECONDS.min, RECAP_SECONDS.max),
    recapHardSeconds: minutesSecondsField(RECAP_SECONDS.min, RECAP_SECONDS.max),
    indexMinutes: z
      .enum(["on"])
      .optional()
      .transform((v) => v === "on"),
    // A Zenn publication's slug, for the front matter of the Zenn export.
    zennPublication: z
      .string()
      .trim()
      .max(64, { error: "zennPublicationInvalid" })
      .regex(/^([a-z0-9_-]{2,64})?$/, { error: "zennPublicationInvalid" })
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.recapSoftSeconds < v.recapHardSeconds, {
    path: ["recapHardSeconds"],
    error: "hardBelowSoft",
  });
export type GroupSettingsInput = z.infer<typeof groupSettingsSchema>;

export const createInviteSchema = z.object({
  days: intField(1, 365).refine((d) => (INVITE_DAYS as readonly number[]).includes(d), {
    error: "inviteDaysInvalid",
  }),
});

export const inviteTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,64}$/);

export const changeRoleSchema = z.object({
  membershipId: idSchema,
  role: z.enum(roles, { error: "roleInvalid" }),
});

/** Whether a role may manage invites and settings. */
export function canAdminister(role: GroupRole): boolean {
  return role === "OWNER" || role === "ADMIN";
}

/** Whether a role may change roles and remove members. */
export function canManageMembers(role: GroupRole): boolean {
  return role === "OWNER";
}
