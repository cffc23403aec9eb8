"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { appErrorState, fieldError, formError, parseForm, type FormState } from "@/lib/forms";
import { getGroupForMember } from "@/lib/groups/data";
import { slugSchema } from "@/lib/groups/schema";
import { idSchema } from "@/lib/ids";
import { EXTENSION_MS } from "@/lib/readings/countdown";
import { getMeetingForMember } from "./data";
import { paperSchema } from "@/lib/papers/schema";
import { controlReading, type ReadingCommand } from "@/lib/readings/mutations";
import { extendSchema } from "@/lib/readings/schema";
import {
  closeMeeting,
  reopenMeeting,
  createMeeting,
  joinMeeting,
  moveToRecap,
  setFacilitator,
  startEveryone,
} from "./mutations";
import {
  createMeetingSchema,
  defaultMeetingTitle,
  localInputToDate,
  meetingRefSchema,
} from "./schema";

/** The meeting a form names (groupSlug + number), for a member; NOT_FOUND for anyone else. */
async function memberMeeting(formData: FormData) {
  const user = await requireUser();
  const ref = meetingRefSchema.safeParse({
    groupSlug: formData.get("groupSlug"),
    number: formData.get("number"),
  });
  if (!ref.success) throw new AppError("NOT_FOUND");
  const meeting = await getMeetingForMember(ref.data.groupSlug, ref.data.number, user.id);
  if (!meeting) throw new AppError("NOT_FOUND");
  return { user, meeting };
}

function refresh(slug: string, number?: number) {
  revalidatePath(`/[locale]/groups/${slug}`, "page");
  if (number) revalidatePath(`/[locale]/groups/${slug}/meetings/${number}`, "page");
}

async function meetingPath(slug: string, number: number) {
  return `/${await getLocale()}/groups/${slug}/meetings/${number}`;
}

export async function createMeetingAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser();
  const slug = slugSchema.safeParse(formData.get("groupSlug"));
  const group = slug.success ? await getGroupForMember(slug.data, user.id) : null;
  if (!group) return formError("errors.NOT_FOUND");
  const startNow = formData.get("intent") === "startNow";
  const locale = await getLocale();
  let scheduledAt: Date;
  let title: string | undefined;
  let tzOffset = 0;
  if (startNow) {
    scheduledAt = new Date(await serverNow());
    tzOffset = z.coerce.number().int().min(-960).max(960).catch(0).parse(formData.get("tzOffset"));
  } else {
    const parsed = parseForm(createMeetingSchema, formData);
    if (!parsed.ok) return parsed.state;
    const at = localInputToDate(parsed.data.scheduledAt, parsed.data.tzOffset);
    if (!at) return fieldError("scheduledAt", "validation.dateInvalid", formData);
    scheduledAt = at;
    title = parsed.data.title;
    tzOffset = parsed.data.tzOffset;
  }
  const { number } = await createMeeting(user.id, group.id, {
    scheduledAt,
    title: title ?? defaultMeetingTitle(scheduledAt, locale, tzOffset),
    startNow,
  });
  refresh(group.slug);
  redirect(await meetingPath(group.slug, number));
}

export async function joinMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { user, meeting } = await memberMeeting(formData);
    const parsed = parseForm(paperSchema, formData);
    if (!parsed.ok) return parsed.state;
    const result = await joinMeeting(user.id, meeting.id, parsed.data);
    if (!result.ok) return formError(`meeting.${result.reason}`, formData);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  } catch (error) {
    return appErrorState(error, formData);
  }
}

const commandSchema = z.enum(["start", "pause", "resume", "finish", "extend"]);

export async function readingCommandAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  try {
    const { user, meeting } = await memberMeeting(formData);
    const command = commandSchema.safeParse(formData.get("command"));
    if (!command.success) return formError("errors.INVALID_INPUT");
    let extendMs = EXTENSION_MS;
    if (command.data === "extend" && formData.has("minutes")) {
      const ext = parseForm(extendSchema, formData);
      if (!ext.ok) return ext.state;
      extendMs = ext.data.minutes * 60_000;
    }
    const result = await controlReading(
      user.id,
      meeting.id,
      command.data as ReadingCommand,
      await serverNow(),
      extendMs,
    );
    if (!result.ok) return formError(`timer.errors.${result.reason}`);
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  } catch (error) {
    return appErrorState(error);
  }
}

const phaseCommandSchema = z.enum(["startEveryone", "recap", "close", "reopen"]);

export async function meetingPhaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { user, meeting } = await memberMeeting(formData);
    const command = phaseCommandSchema.safeParse(formData.get("command"));
    if (!command.success) return formError("errors.INVALID_INPUT");
    const now = await serverNow();
    const result =
      command.data === "startEveryone"
        ? await startEveryone(user.id, meeting.id, now)
        : command.data === "recap"
          ? await moveToRecap(user.id, meeting.id, now, formData.get("confirm") === "yes")
          : command.data === "close"
            ? await closeMeeting(user.id, meeting.id, now)
            : await reopenMeeting(user.id, meeting.id);
    if (!result.ok) {
      if (result.reason === "readersStillReading") {
        return {
          status: "error",
          formError: "meeting.readersStillReading",
          data: { count: String(result.count ?? 0) },
        };
      }
      return formError(`meeting.${result.reason}`);
    }
    refresh(meeting.group.slug, meeting.number);
    return { status: "success" };
  } catch (error) {
    return appErrorState(error);
  }
}

export async function setFacilitatorAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  try {
    const { user, meeting } = await memberMeeting(formData);
    const target = idSchema.safeParse(formData.get("facilitatorId"));
    if (!target.success) return fieldError("facilitatorId", "validation.required");
    const result = await setFacilitator(user.id, meeting.id, target.data);
    if (!result.ok) return fieldError("facilitatorId", "meeting.notMember");
    refresh(meeting.group.slug, meeting.number);
    return { status: "success", message: "meeting.facilitatorChanged" };
  } catch (error) {
    return appErrorState(error);
  }
}
