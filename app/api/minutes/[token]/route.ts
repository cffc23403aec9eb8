// The published minutes as a file, for anyone with the link (no sign-in). Readers always appear
// as the minutes are set to show them; an unknown or withdrawn link is a 404.
import { jsonError } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { findPublishedMeeting, getMinutesSource } from "@/lib/minutes/data";
import { exportMinutes } from "@/lib/minutes/export";
import { exportQuerySchema, tokenSchema } from "@/lib/minutes/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const token = tokenSchema.safeParse((await context.params).token);
    if (!token.success) throw new AppError("NOT_FOUND");
    const meetingId = await findPublishedMeeting(token.data);
    const source = meetingId ? await getMinutesSource(meetingId) : null;
    if (!source) throw new AppError("NOT_FOUND");
    const query = exportQuerySchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!query.success)
      throw new AppError("INVALID_INPUT", "format must be md, zenn, bib or json; locale ja or en.");
    const response = await exportMinutes(source, query.data.format, query.data.locale, {
      initials: source.initials,
    });
    if (!source.indexMinutes) response.headers.set("X-Robots-Tag", "noindex");
    return response;
  } catch (error) {
    return jsonError(error);
  }
}
