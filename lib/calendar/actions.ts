"use server";

import { formAction } from "@/lib/forms";
import { memberGroup } from "@/lib/groups/guards";
import { publicOrigin } from "@/lib/origin";
import { issueCalendarToken } from "./mutations";
import { calendarFeedPath } from "./links";
import { calendarFeedFormSchema } from "./schema";

/** The caller's private feed of their group's meetings: made on first request, or replaced. */
export const calendarFeedAction = formAction(
  memberGroup,
  calendarFeedFormSchema,
  async ({ group }, { renew }) => {
    const token = await issueCalendarToken(group.membershipId, { renew: renew === "1" });
    return {
      status: "success",
      message: renew ? "calendar.renewed" : undefined,
      data: { url: `${await publicOrigin()}${calendarFeedPath(token)}` },
    };
  },
);
