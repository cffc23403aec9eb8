"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { publicOrigin } from "@/lib/origin";
import { qrSvg } from "@/lib/qr";
import { invitePath } from "@/lib/groups/invite-path";
import { failed, fieldError, formAction, formError, formOnly, parseForm } from "@/lib/forms";
import { isAppError } from "@/lib/errors";
import { getGroupForMember } from "@/lib/groups/data";
import { memberMeeting } from "./guards";
import { allowAction } from "@/lib/auth/rate-limit";
import { slugSchema } from "@/lib/groups/schema";
import { idSchema } from "@/lib/ids";
import { EXTENSION_MS } from "@/lib/readings/countdown";
import { paperSchema } from "@/lib/papers/schema";
import { controlReading } from "@/lib/readings/mutations";
import { extendSchema } from "@/lib/readings/schema";
import {
  changePaper,
  leaveMeeting,
  closeMeeting,
  reopenMeeting,
  createMeeting,
  deleteMeeting,
  joinMeeting,
  meetingInvite,
  updateMeeting,
  cancelMeeting,
  moveToRecap,
  setFacilitator,
  startEveryone,
} from "./mutations";
import { createMeetingSchema, localInputToDate } from "./schema";

function refresh(slug: string, number?: number) {
  revalidatePath(`/[locale]/groups/${slug}`, "page");
  if (number) revalidatePath(`/[locale]/groups/${slug}/meetings/${number}`, "page");
}

async function meetingPath(slug: string, number: number) {
  return `/${await getLocale()}/groups/${slug}/meetings/${number}`;
}

export const createMeetingAction = formOnly(async (_prev, formData) => {
  // Signed out (a session that expired on an open page): a message, not a server error.
  const user = await getSessionUser();
  if (!user) return formError("errors.UNAUTHENTICATED");
  const slug = slugSchema.safeParse(formData.get("groupSlug"));
  const group = slug.success ? await getGroupForMember(slug.data, user.id) : null;
  if (!group) return formError("errors.NOT_FOUND");
  if (!(await allowAction("meetingCreate", user.id))) return formError("errors.RATE_LIMITED");
  const startNow = formData.get("intent") === "startNow";
  let scheduledAt: Date;
  let title: string | undefined;
  if (startNow) {
    scheduledAt = new Date(await serverNow());
  } else {
    const parsed = parseForm(createMeetingSchema, formData);
    if (!parsed.ok) return parsed.state;
    const at = localInputToDate(parsed.data.scheduledAt, parsed.data.tzOffset);
    if (!at) return fieldError("scheduledAt", "validation.dateInvalid", formData);
    scheduledAt = at;
    title = parsed.data.title;
  }
  const { number } = await createMeeting(user.id, group.id, {
    scheduledAt,
    // No title given: none is stored, and each viewer sees one made from the date in their
    // own language (meetingTitle).
    title: title ?? "",
    startNow,
  });
  refresh(group.slug);
  redirect(await meetingPath(group.slug, number));
});

// A paper plus the reader's confirmation that they mean to read again one they read before.
const pickedPaperSchema = paperSchema.extend({
  confirmReread: z
    .enum(["on", "true", "1"])
    .optional()
    .transform((v) => v !== undefined),
});

export const joinMeetingAction = formAction(
  memberMeeting,
  pickedPaperSchema,
  async ({ user, meeting }, { confirmReread, ...paper }, formData) => {
    const result = await joinMeeting(user.id, meeting.id, paper, { confirmReread });
    if (!result.ok) return failed("meeting", result, formData);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  },
);

export const changePaperAction = formAction(
  memberMeeting,
  pickedPaperSchema,
  async ({ user, meeting }, { confirmReread, ...paper }, formData) => {
    const result = await changePaper(user.id, meeting.id, paper, { confirmReread });
    if (!result.ok) return failed("meeting", result, formData);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success", message: "meeting.paperChanged" };
  },
);

export const leaveMeetingAction = formAction(
  memberMeeting,
  z.object({}),
  async ({ user, meeting }) => {
    const result = await leaveMeeting(user.id, meeting.id);
    if (!result.ok) return failed("meeting", result);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  },
);

const readingCommandSchema = z.object({
  command: z.enum(["start", "pause", "resume", "finish", "extend"], { error: "invalidInput" }),
  minutes: extendSchema.shape.minutes.optional(),
});

export const readingCommandAction = formAction(
  memberMeeting,
  readingCommandSchema,
  async ({ user, meeting }, { command, minutes }) => {
    const extendMs = minutes ? minutes * 60_000 : EXTENSION_MS;
    const result = await controlReading(user.id, meeting.id, command, await serverNow(), extendMs);
    if (!result.ok) return failed("timer.errors", result);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  },
);

const phaseCommandSchema = z.object({
  command: z.enum(["startEveryone", "recap", "close", "reopen"], { error: "invalidInput" }),
  confirm: z.literal("yes").optional(),
});

export const meetingPhaseAction = formAction(
  memberMeeting,
  phaseCommandSchema,
  async ({ user, meeting }, { command, confirm }) => {
    const now = await serverNow();
    const result =
      command === "startEveryone"
        ? await startEveryone(user.id, meeting.id, now)
        : command === "recap"
          ? await moveToRecap(user.id, meeting.id, now, confirm === "yes")
          : command === "close"
            ? await closeMeeting(user.id, meeting.id, now)
            : await reopenMeeting(user.id, meeting.id);
    if (!result.ok) {
      return result.reason === "readersStillReading"
        ? { ...failed("meeting", result), data: { count: String(result.count ?? 0) } }
        : failed("meeting", result);
    }
    refresh(meeting.group.slug, meeting.number);
    return "started" in result
      ? { status: "success", data: { started: String(result.started) } }
      : { status: "success" };
  },
);

export const deleteMeetingAction = formAction(
  memberMeeting,
  z.object({}),
  async ({ user, meeting }) => {
    const result = await deleteMeeting(user.id, meeting.id);
    if (!result.ok) return failed("meeting", result);
    refresh(meeting.group.slug);
    redirect(`/${await getLocale()}/groups/${meeting.group.slug}`);
  },
);

/** The meeting's shared link (through an invite, for people not yet in the group) and its QR code. */
export const meetingLinkAction = formAction(
  memberMeeting,
  z.object({}),
  async ({ user, meeting }) => {
    const result = await meetingInvite(user.id, meeting.id, new Date(await serverNow()));
    if (!result.ok) return failed("meeting", result);
    const url = `${await publicOrigin()}${invitePath(result.token, meeting.number)}`;
    return { status: "success", data: { url, qr: await qrSvg(url) } };
  },
);

/** Moves or retitles a scheduled meeting (an empty title: one made from the date). */
export const updateMeetingAction = formAction(
  memberMeeting,
  createMeetingSchema,
  async ({ user, meeting }, { scheduledAt, tzOffset, title }, formData) => {
    const at = localInputToDate(scheduledAt, tzOffset);
    if (!at) return fieldError("scheduledAt", "validation.dateInvalid", formData);
    const result = await updateMeeting(user.id, meeting.id, {
      scheduledAt: at,
      title: title ?? "",
    });
    if (!result.ok) return failed("meeting", result, formData);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success", message: "meeting.updated" };
  },
);

/** Calls off a scheduled meeting nobody has joined; back to the group. */
export const cancelMeetingAction = formAction(
  memberMeeting,
  z.object({}),
  async ({ user, meeting }) => {
    const result = await cancelMeeting(user.id, meeting.id);
    if (!result.ok) return failed("meeting", result);
    refresh(meeting.group.slug);
    redirect(`/${await getLocale()}/groups/${meeting.group.slug}`);
  },
);

export const setFacilitatorAction = formAction(
  memberMeeting,
  z.object({ facilitatorId: idSchema.optional() }),
  async ({ user, meeting }, { facilitatorId }) => {
    if (!facilitatorId) return fieldError("facilitatorId", "validation.required");
    const result = await setFacilitator(user.id, meeting.id, facilitatorId);
    if (!result.ok) return fieldError("facilitatorId", "meeting.notMember");
    refresh(meeting.group.slug, meeting.number);
    return { status: "success", message: "meeting.facilitatorChanged" };
  },
);

/**
 * The presenter screen's "close the meeting" (a plain form with the meeting's group and number):
 * closes it for those who may, then goes back to the meeting page. Anyone else, or a stale page,
 * lands on the meeting page (or sign-in) without a change.
 */
export async function closeFromRecapAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  const user = await getSessionUser();
  if (!user) redirect(`/${locale}/sign-in`);
  let path = `/${locale}/groups`;
  if (!(formData instanceof FormData)) redirect(path);
  try {
    const { meeting } = await memberMeeting(formData);
    path = `/${locale}/groups/${meeting.group.slug}/meetings/${meeting.number}`;
    const result = await closeMeeting(user.id, meeting.id, await serverNow());
    if (result.ok) refresh(meeting.group.slug, meeting.number);
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  redirect(path);
}
