// The recap. GET: every reader's slide, for members of the meeting's group (404 for everyone
// else); the presenter screen asks for them when it needs a slide its page did not carry before
// the live board brings them all. POST drives it: next / back / pause, or the presenter order, for
// the facilitator and admins (403 for other members, 404 for everyone else); used by the presenter
// screen and the phone remote; a refused command answers 409 with its reason code.
import { z } from "zod";
import { serverNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { route } from "@/lib/http";
import { getMeetingIdForMember } from "@/lib/meetings/data";
import { readBoard } from "@/lib/meetings/live";
import { driveRecap, setRecapOrder } from "@/lib/recap/mutations";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ command: z.enum(["next", "back", "pause"]) }).strict(),
  z.object({ order: z.array(idSchema).max(200) }).strict(),
  z.object({ shuffle: z.literal(true) }).strict(),
]);

export const GET = route(
  { params: z.object({ meetingId: idSchema }) },
  async ({ userId, params }) => {
    const meetingId = await getMeetingIdForMember(params.meetingId, userId);
    const board = meetingId ? await readBoard(meetingId) : null;
    if (!board) throw new AppError("NOT_FOUND", "No such meeting.");
    return { slides: board.slides };
  },
);

export const POST = route(
  { params: z.object({ meetingId: idSchema }), body: bodySchema },
  async ({ userId, params: { meetingId }, body }) =>
    "command" in body
      ? driveRecap(userId, meetingId, body.command, await serverNow())
      : setRecapOrder(userId, meetingId, "order" in body ? body.order : "shuffle"),
);
