"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { appErrorState, fieldError, formAction, formError, formOnly, parseForm } from "@/lib/forms";
import { memberGroup } from "./guards";
import { joinAndLand } from "./invite-landing";
import { issueOwnerReset } from "@/lib/users/mutations";
import { publicOrigin } from "@/lib/origin";
import { currentLocale } from "@/lib/i18n/current-locale";
import { allowAction } from "@/lib/auth/rate-limit";
import {
  changeRole,
  createGroup,
  createInvite,
  leaveGroup,
  removeMember,
  revokeInvite,
  updateGroupSettings,
} from "./mutations";
import {
  changeRoleSchema,
  createGroupSchema,
  createInviteSchema,
  groupSettingsSchema,
  inviteTokenSchema,
} from "./schema";
import { idSchema } from "@/lib/ids";
import { z } from "zod";

function refresh(slug: string) {
  revalidatePath(`/[locale]/groups/${slug}`, "page");
  revalidatePath(`/[locale]/groups`, "page");
}

export const createGroupAction = formOnly(async (_prev, formData) => {
  // Signed out (a session that expired on an open page): a message, not a server error.
  const user = await getSessionUser();
  if (!user) return formError("errors.UNAUTHENTICATED");
  const parsed = parseForm(createGroupSchema, formData);
  if (!parsed.ok) return parsed.state;
  if (!(await allowAction("groupCreate", user.id)))
    return formError("errors.RATE_LIMITED", formData);
  const result = await createGroup(user.id, parsed.data);
  if (!result.ok) return fieldError("slug", "validation.slugTaken", formData);
  redirect(`/${await getLocale()}/groups/${result.slug}`);
});

export const updateGroupSettingsAction = formAction(
  memberGroup,
  groupSettingsSchema,
  async ({ user, group }, settings, formData) => {
    const result = await updateGroupSettings(user.id, group.id, settings);
    if (!result.ok) return fieldError("slug", "validation.slugTaken", formData);
    refresh(group.slug);
    // A new address: the settings page moves with it.
    if (result.slug !== group.slug)
      redirect(`/${await currentLocale()}/groups/${result.slug}/settings?saved=1`);
    return { status: "success", message: "settings.saved" };
  },
);

export const createInviteAction = formAction(
  memberGroup,
  createInviteSchema,
  async ({ user, group }, { days }) => {
    const invite = await createInvite(user.id, group.id, days);
    refresh(group.slug);
    return { status: "success", message: "invites.created", data: { token: invite.token } };
  },
);

export const revokeInviteAction = formAction(
  memberGroup,
  z.object({ inviteId: idSchema.optional() }),
  async ({ user, group }, { inviteId }) => {
    if (!inviteId) return formError("errors.NOT_FOUND");
    await revokeInvite(user.id, group.id, inviteId);
    refresh(group.slug);
    return { status: "success", message: "invites.revoked" };
  },
);

export const joinGroupAction = formOnly(async (_prev, formData) => {
  // Signed out (a session that expired on an open page): a message, not a server error.
  const user = await getSessionUser();
  if (!user) return formError("errors.UNAUTHENTICATED");
  const token = inviteTokenSchema.safeParse(formData.get("token"));
  if (!token.success) return formError("invites.unknown");
  const meeting = z.coerce.number().int().min(1).max(999_999).safeParse(formData.get("meeting"));
  const landing = await joinAndLand(
    user.id,
    { token: token.data, meeting: meeting.success ? meeting.data : null },
    await currentLocale(),
  );
  if (!landing.ok)
    return formError(
      landing.reason === "rateLimited"
        ? "errors.RATE_LIMITED"
        : `invites.${landing.reason === "revoked" ? "revokedLink" : landing.reason}`,
    );
  redirect(landing.path);
});

export const changeRoleAction = formAction(
  memberGroup,
  changeRoleSchema,
  async ({ user, group }, { membershipId, role }) => {
    const result = await changeRole(user.id, group.id, membershipId, role);
    if (!result.ok) return formError("members.lastOwner");
    refresh(group.slug);
    return { status: "success", message: "members.roleChanged" };
  },
);

export const removeMemberAction = formAction(
  memberGroup,
  z.object({
    membershipId: idSchema.optional(),
    block: z
      .enum(["on"])
      .optional()
      .transform((v) => v === "on"),
  }),
  async ({ user, group }, { membershipId, block }) => {
    if (!membershipId) return formError("errors.NOT_FOUND");
    const result = await removeMember(user.id, group.id, membershipId, { block });
    if (!result.ok) return formError("members.lastOwner");
    refresh(group.slug);
    return { status: "success", message: "members.removed" };
  },
);

export const leaveGroupAction = formOnly(async (_prev, formData) => {
  let left = false;
  try {
    const { user, group } = await memberGroup(formData);
    const result = await leaveGroup(user.id, group.id);
    if (!result.ok) return formError("members.lastOwnerLeave");
    left = true;
  } catch (error) {
    return appErrorState(error, formData);
  }
  if (left) redirect(`/${await getLocale()}/groups`);
  return { status: "idle" };
});

/**
 * A one-time password reset link an owner hands to a member who cannot get mail (valid a day). Only
 * for members whose every group this owner owns (see issueOwnerReset).
 */
export const ownerResetLinkAction = formAction(
  memberGroup,
  z.object({ membershipId: idSchema.optional() }),
  async ({ user, group }, { membershipId }) => {
    if (!membershipId) return formError("errors.NOT_FOUND");
    if (!(await allowAction("ownerResetLink", user.id))) return formError("errors.RATE_LIMITED");
    const result = await issueOwnerReset(user.id, group.id, membershipId);
    if (!result.ok)
      return result.reason === "forbidden"
        ? formError("errors.FORBIDDEN")
        : formError(`members.reset.${result.reason}`);
    return {
      status: "success",
      data: { url: `${await publicOrigin()}/reset-password/${result.token}`, name: result.name },
    };
  },
);
