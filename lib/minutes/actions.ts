"use server";

import { revalidatePath } from "next/cache";
import { serverNow } from "@/lib/clock";
import { failed, formAction } from "@/lib/forms";
import { memberMeeting } from "@/lib/meetings/guards";
import { z } from "zod";
import { publishMinutes, setMinutesOptions, unpublishMinutes } from "./mutations";
import { minutesOptionsSchema } from "./schema";

function refresh(slug: string, number: number) {
  revalidatePath(`/[locale]/groups/${slug}/meetings/${number}/minutes`, "page");
  revalidatePath(`/[locale]/m/[token]`, "page");
}

export const publishMinutesAction = formAction(
  memberMeeting,
  z.object({}),
  async ({ user, meeting }) => {
    const result = await publishMinutes(user.id, meeting.id, new Date(await serverNow()));
    if (!result.ok) return failed("minutes", result);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success", data: { token: result.token } };
  },
);

export const unpublishMinutesAction = formAction(
  memberMeeting,
  z.object({}),
  async ({ user, meeting }) => {
    const result = await unpublishMinutes(user.id, meeting.id);
    if (!result.ok) return failed("minutes", result);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  },
);

export const minutesOptionsAction = formAction(
  memberMeeting,
  minutesOptionsSchema,
  async ({ user, meeting }, options) => {
    const result = await setMinutesOptions(user.id, meeting.id, options);
    if (!result.ok) return failed("minutes", result);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success", message: "minutes.optionsSaved" };
  },
);
