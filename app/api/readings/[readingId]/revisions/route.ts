// The reader's recent revisions of their summary, newest first; 404 for anyone else.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { route } from "@/lib/http";
import { getOwnReading, listRevisions } from "@/lib/readings/data";

export const dynamic = "force-dynamic";

export const GET = route(
  { params: z.object({ readingId: idSchema }) },
  async ({ userId, params: { readingId } }) => {
    if (!(await getOwnReading(readingId, userId)))
      throw new AppError("NOT_FOUND", "No such reading.");
    const revisions = await listRevisions(readingId, userId);
    return { revisions: revisions.map((r) => ({ ...r, savedAt: r.savedAt.getTime() })) };
  },
);
