// A picture for the reader's answers: a figure cut from the paper or an image pasted or dropped
// into an answer. The body is the image's bytes; what it is comes from those bytes (PNG, JPEG, GIF,
// WebP), never from a file name or the type the browser claims. Only the reader, while the meeting
// is open; answers 201 with the image's id and address, or 4xx with a reason the form explains.
import { z } from "zod";
import { allowAction } from "@/lib/auth/rate-limit";
import { idSchema } from "@/lib/ids";
import { readBytes, route } from "@/lib/http";
import { IMAGE_MAX_BYTES, IMAGE_PATH } from "@/lib/readings/images";
import { addReadingImage, type ImageFailure } from "@/lib/readings/mutations";

export const dynamic = "force-dynamic";

const refusals: Record<ImageFailure | "rateLimited", { status: number; message: string }> = {
  tooLarge: { status: 413, message: "The image is larger than 3 MB." },
  notImage: { status: 415, message: "Only PNG, JPEG, GIF and WebP images can be added." },
  meetingClosed: { status: 409, message: "The meeting is closed; its summaries are read-only." },
  rateLimited: { status: 429, message: "Too many images at once; try again in a while." },
};

function refused(reason: keyof typeof refusals): Response {
  const { status, message } = refusals[reason];
  return Response.json(
    { error: { code: "IMAGE_REFUSED", reason, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

export const POST = route(
  { params: z.object({ readingId: idSchema }), caller: "id" },
  async ({ request, userId, params: { readingId } }) => {
    const bytes = await readBytes(request, IMAGE_MAX_BYTES);
    if (!(await allowAction("imageUpload", userId))) return refused("rateLimited");
    const outcome = await addReadingImage(
      userId,
      readingId,
      // Over the limit: a byte more than allowed stands for "too large" (the rest was not read).
      bytes ?? new Uint8Array(IMAGE_MAX_BYTES + 1),
    );
    if (!outcome.ok) return refused(outcome.reason);
    return Response.json(
      { id: outcome.id, url: `${IMAGE_PATH}${outcome.id}` },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  },
);
