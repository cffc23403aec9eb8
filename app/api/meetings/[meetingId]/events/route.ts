// Server-sent events for a meeting's live board: a full snapshot on connect, then a fresh one
// whenever anything in the meeting changes (on any instance), plus a heartbeat. The boards come
// from the instance's live read model (lib/meetings/live.ts): built once per change, whatever the
// number of connections.
import { z } from "zod";
import { serverNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { idSchema } from "@/lib/ids";
import { getMeetingIdForMember } from "@/lib/meetings/data";
import { watchBoard } from "@/lib/meetings/live";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// Open streams per user on this instance: a few tabs and devices each, never an unbounded number.
const MAX_STREAMS_PER_USER = 20;
const streamsOf = new Map<string, number>();
export const runtime = "nodejs";

export const GET = route(
  { params: z.object({ meetingId: idSchema }) },
  async ({ request, userId, params }) => {
    const meetingId = await getMeetingIdForMember(params.meetingId, userId);
    if (!meetingId) throw new AppError("NOT_FOUND", "No such meeting.");
    if ((streamsOf.get(userId) ?? 0) >= MAX_STREAMS_PER_USER)
      throw new AppError("RATE_LIMITED", "Too many open live connections; close some tabs.");
    streamsOf.set(userId, (streamsOf.get(userId) ?? 0) + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const n = (streamsOf.get(userId) ?? 1) - 1;
      if (n <= 0) streamsOf.delete(userId);
      else streamsOf.set(userId, n);
    };
    // The test clock cookie (when enabled) applies to the whole stream.
    const offset = (await serverNow()) - Date.now();

    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        let closed = false;
        const send = (event: string, json: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(`event: ${event}\ndata: ${json}\n\n`));
          } catch {
            close();
          }
        };
        controller.enqueue(encoder.encode(`retry: 2000\n\n`));
        const unwatch = await watchBoard(meetingId, (json) => send("board", json));
        // Each heartbeat also checks the user is still a member: someone who leaves or is removed
        // stops receiving the board within one heartbeat (their reconnect is then a 404).
        const heartbeat = setInterval(() => {
          send("ping", JSON.stringify({ t: Date.now() + offset }));
          void getMeetingIdForMember(meetingId, userId).then(
            (stillMember) => {
              if (!stillMember) close();
            },
            () => undefined,
          );
        }, env().liveHeartbeatMs);
        function close() {
          if (closed) return;
          closed = true;
          release();
          clearInterval(heartbeat);
          unwatch();
          try {
            controller.close();
          } catch {
            // already closed
          }
        }
        cleanup = close;
        request.signal.addEventListener("abort", close);
        if (request.signal.aborted) close();
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
  },
);
