// Saves a meeting's closing remarks (any member, once the recap has started): the text, and the
// version and text it was edited from, so a concurrent edit is merged instead of overwritten.
import { serverNow } from "@/lib/clock";
import { route } from "@/lib/http";
import { saveRemarks } from "@/lib/minutes/mutations";
import { meetingIdParams, remarksSaveSchema } from "@/lib/minutes/schema";

export const dynamic = "force-dynamic";

export const PUT = route(
  { params: meetingIdParams, body: remarksSaveSchema, maxBytes: 100_000 },
  async ({ userId, params: { meetingId }, body }) =>
    saveRemarks(userId, meetingId, body, new Date(await serverNow())),
);
