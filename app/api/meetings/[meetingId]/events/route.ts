// Server-sent events for a meeting's live board: a full snapshot on connect, then a fresh one
// whenever anything in the meeting changes (on any instance), plus a heartbeat.
import { getSessionUser } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { errorBody, AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { meetingTopic, subscribe } from "@/lib/live/bus";
import { getBoard, getMeetingIdForMember } from "@/lib/meetings/data";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const HEARTBEAT_MS = 15_000;
const COALESCE_MS = 50;

export async function GET(
  request: Request,
  { params }: { params: Promise<{ meetingId: string }> },
) {
  const user = await getSessionUser();
  if (!user)
    return Response.json(errorBody(new AppError("UNAUTHENTICATED", "Sign in first.")), {
      status: 401,
    });
  const id = idSchema.safeParse((await params).meetingId);
  const meetingId = id.success ? await getMeetingIdForMember(id.data, user.id) : null;
  if (!meetingId)
    return Response.json(errorBody(new AppError("NOT_FOUND", "No such meeting.")), { status: 404 });
  // The test clock cookie (when enabled) applies to the whole stream.
  const offset = (await serverNow()) - Date.now();

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let pending: ReturnType<typeof setTimeout> | null = null;
      const send = (event: string, data: unknown) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          close();
        }
      };
      const sendBoard = async () => {
        const board = await getBoard(meetingId, Date.now() + offset);
        if (board) send("board", board);
      };
      const schedule = () => {
        if (pending || closed) return;
        pending = setTimeout(() => {
          pending = null;
          void sendBoard().catch(() => undefined);
        }, COALESCE_MS);
      };
      const unsubscribe = await subscribe(meetingTopic(meetingId), schedule, schedule);
      const heartbeat = setInterval(() => {
        send("ping", { t: Date.now() + offset });
      }, HEARTBEAT_MS);
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      }
      cleanup = close;
      request.signal.addEventListener("abort", close);
      controller.enqueue(encoder.encode(`retry: 2000\n\n`));
      await sendBoard();
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
