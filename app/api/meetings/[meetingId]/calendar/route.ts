// One meeting as an .ics file to add to a calendar (?locale=ja|en for its title), for members of
// its group.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { publicOrigin } from "@/lib/origin";
import { routing } from "@/lib/i18n/routing";
import { meetingIdParams } from "@/lib/minutes/schema";
import { getMeetingForCalendar } from "@/lib/calendar/data";
import { calendarResponse, renderCalendar } from "@/lib/calendar/render";

export const dynamic = "force-dynamic";

const querySchema = z.object({ locale: z.enum(routing.locales).optional() });

export const GET = route(
  { params: meetingIdParams },
  async ({ request, userId, params: { meetingId } }) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("INVALID_INPUT", "locale must be ja or en.");
    const meeting = await getMeetingForCalendar(meetingId, userId);
    if (!meeting) throw new AppError("NOT_FOUND");
    const text = await renderCalendar(meeting.group, [meeting], {
      locale: query.data.locale,
      origin: await publicOrigin(),
      feed: false,
    });
    return calendarResponse(text, `${meeting.group.slug}-${meeting.number}.ics`);
  },
);
