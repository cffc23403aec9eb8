// Guards for form actions on a group: who asks, for which group. Server-only (not an action).
import "server-only";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getGroupForMember } from "./data";
import { slugSchema } from "./schema";

/** The group named by the form's `groupSlug`, for a member; NOT_FOUND for anyone else. */
export async function memberGroup(formData: FormData) {
  const user = await requireUser();
  const slug = slugSchema.safeParse(formData.get("groupSlug"));
  if (!slug.success) throw new AppError("NOT_FOUND");
  const group = await getGroupForMember(slug.data, user.id);
  if (!group) throw new AppError("NOT_FOUND");
  return { user, group };
}
