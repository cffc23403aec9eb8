import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { jsonError } from "@/lib/http";
import { getOwnReading, listRevisions } from "@/lib/readings/data";

export const dynamic = "force-dynamic";

/** The reader's recent revisions, newest first. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ readingId: string }> },
) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const id = idSchema.safeParse((await params).readingId);
    if (!id.success) throw new AppError("NOT_FOUND", "No such reading.");
    if (!(await getOwnReading(id.data, user.id)))
      throw new AppError("NOT_FOUND", "No such reading.");
    const revisions = await listRevisions(id.data, user.id);
    return Response.json(
      { revisions: revisions.map((r) => ({ ...r, savedAt: r.savedAt.getTime() })) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return jsonError(error);
  }
}
