// Drives the recap: next / back / pause, or the presenter order. For the facilitator and admins
// (403 for other members, 404 for everyone else). Used by the presenter screen and the phone
// remote; a refused command answers 409 with its reason code.
import { z } from "zod";
import { serverNow } from "@/lib/clock";
import { idSchema } from "@/lib/ids";
import { route } from "@/lib/http";
import { driveRecap, setRecapOrder } from "@/lib/recap/mutations";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ command: z.enum(["next", "back", "pause"]) }).strict(),
  z.object({ order: z.array(idSchema).max(200) }).strict(),
  z.object({ shuffle: z.literal(true) }).strict(),
]);

export const POST = route(
  { params: z.object({ meetingId: idSchema }), body: bodySchema },
  async ({ userId, params: { meetingId }, body }) =>
    "command" in body
      ? driveRecap(userId, meetingId, body.command, await serverNow())
      : setRecapOrder(userId, meetingId, "order" in body ? body.order : "shuffle"),
);
