// Drives the recap: next / back / pause, or the presenter order. For the facilitator and admins
// (403 for other members, 404 for everyone else). Used by the presenter screen and the phone remote.
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { invalidRequest, isSameOrigin, jsonError, readJson } from "@/lib/http";
import { driveRecap, setRecapOrder } from "@/lib/recap/mutations";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ command: z.enum(["next", "back", "pause"]) }).strict(),
  z.object({ order: z.array(idSchema).max(200) }).strict(),
  z.object({ shuffle: z.literal(true) }).strict(),
]);

export async function POST(
  request: Request,
  { params }: { params: Promise<{ meetingId: string }> },
) {
  try {
    if (!isSameOrigin(request))
      throw new AppError("FORBIDDEN", "Writes from another site are refused.");
    const user = await requireUser();
    const id = idSchema.safeParse((await params).meetingId);
    if (!id.success) throw new AppError("NOT_FOUND", "No such meeting.");
    const body = bodySchema.safeParse(await readJson(request, 20_000));
    if (!body.success) return invalidRequest(body.error);
    const result =
      "command" in body.data
        ? await driveRecap(user.id, id.data, body.data.command, await serverNow())
        : await setRecapOrder(user.id, id.data, "order" in body.data ? body.data.order : "shuffle");
    if (!result.ok) return jsonError(new AppError("CONFLICT", result.reason));
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
