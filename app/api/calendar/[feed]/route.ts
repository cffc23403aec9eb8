// A member's private calendar feed of their group's meetings (/api/calendar/<token>.ics): no
// sign-in (calendar apps cannot), the token is the key. A replaced token, or one whose member
// left the group, is a 404.
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http";
import { serverNow } from "@/lib/clock";
import { publicOrigin } from "@/lib/origin";
import { getCalendarFeed } from "@/lib/calendar/data";
import { calendarResponse, renderCalendar } from "@/lib/calendar/render";
import { calendarFeedParams } from "@/lib/calendar/schema";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ feed: string }> }) {
  try {
    const params = calendarFeedParams.safeParse(await context.params);
    if (!params.success) throw new AppError("NOT_FOUND");
    const feed = await getCalendarFeed(params.data.feed, new Date(await serverNow()));
    if (!feed) throw new AppError("NOT_FOUND");
    const text = await renderCalendar(feed.group, feed.meetings, {
      locale: feed.locale,
      origin: await publicOrigin(),
      feed: true,
    });
    return calendarResponse(text);
  } catch (error) {
    return jsonError(error);
  }
}
