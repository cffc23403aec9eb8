// The minutes as a file (?format=md|zenn|bib|json&locale=ja|en), for members of the group, once
// the recap has started. Readers appear as the minutes are set to show them.
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { getMeetingIdForMember } from "@/lib/meetings/data";
import { getMinutesSource } from "@/lib/minutes/data";
import { exportMinutes } from "@/lib/minutes/export";
import { exportQuerySchema, meetingIdParams } from "@/lib/minutes/schema";

export const dynamic = "force-dynamic";

export const GET = route(
  { params: meetingIdParams },
  async ({ request, userId, params: { meetingId } }) => {
    if (!(await getMeetingIdForMember(meetingId, userId))) throw new AppError("NOT_FOUND");
    const query = exportQuerySchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!query.success)
      throw new AppError("INVALID_INPUT", "format must be md, zenn, bib or json; locale ja or en.");
    const source = await getMinutesSource(meetingId);
    if (!source || (source.phase !== "RECAP" && source.phase !== "CLOSED"))
      throw new AppError("NOT_FOUND");
    return exportMinutes(source, query.data.format, query.data.locale, {
      initials: source.initials,
    });
  },
);
