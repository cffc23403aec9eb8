// Sends an image for the reader's answers (app/api/readings/[readingId]/images/route.ts): the
// server checks its bytes; the size is checked here first so a large file is refused at once.
import { IMAGE_MAX_BYTES } from "@/lib/readings/images";

export type UploadRefusal = "tooLarge" | "notImage" | "meetingClosed" | "rateLimited" | "failed";

export type UploadOutcome = { ok: true; id: string } | { ok: false; reason: UploadRefusal };

const known = new Set<UploadRefusal>(["tooLarge", "notImage", "meetingClosed", "rateLimited"]);

export async function uploadImage(readingId: string, image: Blob): Promise<UploadOutcome> {
  if (image.size > IMAGE_MAX_BYTES) return { ok: false, reason: "tooLarge" };
  try {
    const res = await fetch(`/api/readings/${readingId}/images`, {
      method: "POST",
      // What it is, the server reads from the bytes; this only says they are bytes.
      headers: { "Content-Type": "application/octet-stream" },
      body: image,
    });
    const body = (await res.json().catch(() => null)) as {
      id?: unknown;
      error?: { reason?: unknown };
    } | null;
    if (res.status === 201 && typeof body?.id === "string") return { ok: true, id: body.id };
    const reason = body?.error?.reason;
    return {
      ok: false,
      reason:
        typeof reason === "string" && known.has(reason as UploadRefusal)
          ? (reason as UploadRefusal)
          : "failed",
    };
  } catch {
    return { ok: false, reason: "failed" };
  }
}
