// Guards for form actions on a meeting: who asks, for which meeting. Server-only (not an action).
import "server-only";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getMeetingForMember } from "./data";
import { meetingRefSchema } from "./schema";

/** The meeting named by the form's `groupSlug` and `number`, for a member; NOT_FOUND otherwise. */
export async function memberMeeting(formData: FormData) {
  const user = await requireUser();
  const ref = meetingRefSchema.safeParse({
    groupSlug: formData.get("groupSlug"),
    number: formData.get("number"),
  });
  if (!ref.success) throw new AppError("NOT_FOUND");
  const meeting = await getMeetingForMember(ref.data.groupSlug, ref.data.number, user.id);
  if (!meeting) throw new AppError("NOT_FOUND");
  return { user, meeting };
}
