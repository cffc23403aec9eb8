// The autosave endpoint's decision, apart from HTTP plumbing: a parsed request in, a status and a
// body of the shared contract out. The route handler calls it after checking who is asking;
// the autosave model test calls it the same way.
import "server-only";
import { errorBody, httpStatusOf, isAppError } from "@/lib/errors";
import { saveErrors, saveRequestSchema, type SaveResult } from "./autosave";
import { saveSummary } from "./mutations";

export type SaveAnswerBody =
  | SaveResult
  | { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

export async function answerSave(
  userId: string,
  readingId: string,
  input: unknown,
  now: number,
  options: { sessionVersion?: number | null } = {},
): Promise<{ status: number; body: SaveAnswerBody }> {
  const parsed = saveRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return {
      status: 400,
      body: { error: { code: "INVALID_INPUT", message: "The request body is not valid.", issues } },
    };
  }
  try {
    const outcome = await saveSummary(userId, readingId, parsed.data, now, options);
    if (outcome.ok) return { status: 200, body: outcome.result };
    const code = outcome.reason === "meetingClosed" ? "MEETING_CLOSED" : "BUSY";
    const message =
      code === "MEETING_CLOSED"
        ? "The meeting is closed; its summaries are read-only."
        : "The reading is being saved from several places at once; try again.";
    return { status: saveErrors[code].status, body: { error: { code, message } } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: httpStatusOf(error), body: errorBody(error) };
  }
}
