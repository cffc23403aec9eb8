// An image in readers' answers. Members of the reading's group see it; with `?minutes=<token>`,
// anyone holding the link of the published minutes it appears in. Everyone else gets 404. Served
// with the type its bytes were checked to be, never sniffed, and unable to run anything if opened.
import { z } from "zod";
import { readSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http";
import { idSchema } from "@/lib/ids";
import { tokenSchema } from "@/lib/minutes/schema";
import { extensionOf, type ImageType } from "@/lib/readings/images";
import { getImageForMember, getImageForPublishedMinutes } from "@/lib/readings/data";

export const dynamic = "force-dynamic";

const params = z.object({ imageId: idSchema });
const query = z.object({ minutes: tokenSchema.optional() });

export async function GET(
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
): Promise<Response> {
  try {
    const p = params.safeParse(await context.params);
    const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!p.success || !q.success) throw new AppError("NOT_FOUND", "No such image.");
    const { imageId } = p.data;
    let image = null;
    if (q.data.minutes) image = await getImageForPublishedMinutes(imageId, q.data.minutes);
    else {
      const session = await readSession();
      if (session) image = await getImageForMember(imageId, session.id, session.sv);
    }
    if (!image) throw new AppError("NOT_FOUND", "No such image.");
    return new Response(new Uint8Array(image.bytes), {
      headers: {
        "Content-Type": image.mime,
        "Content-Length": String(image.size),
        "Content-Disposition": `inline; filename="${image.id}.${extensionOf[image.mime as ImageType] ?? "bin"}"`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        // An image never changes under its id; who may see it can, so caches stay private.
        "Cache-Control": "private, max-age=86400",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
