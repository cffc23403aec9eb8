// The summary's autosave endpoint. PUT applies a save (see lib/readings/autosave.ts for the
// contract and the merge); GET returns what is saved. Only the reader can do either; anyone else
// gets 404.
import { getSessionUser, requireUserId } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { isSameOrigin, jsonError, readJson } from "@/lib/http";
import { getOwnReading } from "@/lib/readings/data";
import { answerSave } from "@/lib/readings/save-answer";
import { ANSWER_MAX } from "@/lib/readings/summary";

export const dynamic = "force-dynamic";

// Seven fields, each sent with the text it started from, plus JSON escaping.
const MAX_BODY_BYTES = 16 * ANSWER_MAX * 4;

type Context = { params: Promise<{ readingId: string }> };

async function readingIdOf(context: Context) {
  const id = idSchema.safeParse((await context.params).readingId);
  if (!id.success) throw new AppError("NOT_FOUND", "No such reading.");
  return id.data;
}

export async function GET(_request: Request, context: Context) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const reading = await getOwnReading(await readingIdOf(context), user.id);
    if (!reading) throw new AppError("NOT_FOUND", "No such reading.");
    return Response.json(
      {
        version: reading.version,
        summary: reading.summary,
        snapshot: reading.snapshot,
        savedAt: reading.lastSavedAt?.getTime() ?? null,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return jsonError(error);
  }
}

export async function PUT(request: Request, context: Context) {
  try {
    if (!isSameOrigin(request))
      throw new AppError("FORBIDDEN", "Writes from another site are refused.");
    const userId = await requireUserId();
    const readingId = await readingIdOf(context);
    const input = await readJson(request, MAX_BODY_BYTES);
    const { status, body } = await answerSave(userId, readingId, input, await serverNow());
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
