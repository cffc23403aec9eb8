// The summary's autosave endpoint. PUT applies a save (see lib/readings/autosave.ts for the
// contract and the merge); GET returns what is saved. Only the reader can do either; anyone else
// gets 404.
import { z } from "zod";
import { allowAutosave } from "@/lib/auth/rate-limit";
import { serverNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { readJson, route } from "@/lib/http";
import { getOwnReading } from "@/lib/readings/data";
import { answerSave } from "@/lib/readings/save-answer";
import { ANSWER_MAX } from "@/lib/readings/summary";

export const dynamic = "force-dynamic";

// Seven fields, each sent with the text it started from, plus JSON escaping.
const MAX_BODY_BYTES = 16 * ANSWER_MAX * 4;

const params = z.object({ readingId: idSchema });

export const GET = route({ params }, async ({ userId, params: { readingId } }) => {
  const reading = await getOwnReading(readingId, userId);
  if (!reading) throw new AppError("NOT_FOUND", "No such reading.");
  return {
    version: reading.version,
    summary: reading.summary,
    snapshot: reading.snapshot,
    savedAt: reading.lastSavedAt?.getTime() ?? null,
  };
});

// The body is parsed by answerSave against the shared contract, so the model test drives the
// very same decision; the wrapper checks the caller and the route params.
export const PUT = route(
  { params, caller: "id" },
  async ({ request, userId, sessionVersion, params: { readingId } }) => {
    if (!allowAutosave(userId))
      return Response.json(
        { error: { code: "RATE_LIMITED", message: "Too many saves at once; retrying shortly." } },
        { status: 429, headers: { "Retry-After": "1", "Cache-Control": "no-store" } },
      );
    const input = await readJson(request, MAX_BODY_BYTES);
    const { status, body } = await answerSave(userId, readingId, input, await serverNow(), {
      sessionVersion,
    });
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  },
);
