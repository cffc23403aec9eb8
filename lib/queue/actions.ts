"use server";

import { revalidatePath } from "next/cache";
import { serverNow } from "@/lib/clock";
import { failed, fieldError, formAction } from "@/lib/forms";
import { memberGroup } from "@/lib/groups/guards";
import { paperFromPaste } from "@/lib/papers/from-paste";
import { addToQueue, removeFromQueue, toggleClaim, toggleVote } from "./mutations";
import { addToQueueSchema, queueItemSchema } from "./schema";

function refresh(slug: string) {
  revalidatePath(`/[locale]/groups/${slug}`, "page");
  revalidatePath(`/[locale]/groups/${slug}/meetings/[number]`, "page");
}

/** Adds what was pasted (an arXiv id, a DOI, a link to either, or a BibTeX entry). */
export const addToQueueAction = formAction(
  memberGroup,
  addToQueueSchema,
  async ({ user, group }, { text }, formData) => {
    const paper = await paperFromPaste(text);
    if (!paper.ok) return fieldError("text", `queue.${paper.reason}`, formData);
    const result = await addToQueue(user.id, group.id, paper.paperId);
    if (!result.ok) return fieldError("text", `queue.${result.reason}`, formData);
    refresh(group.slug);
    return { status: "success", message: "queue.added" };
  },
);

export const voteAction = formAction(
  memberGroup,
  queueItemSchema,
  async ({ user, group }, { itemId }) => {
    const result = await toggleVote(user.id, group.id, itemId);
    if (!result.ok) return failed("queue", result);
    refresh(group.slug);
    return { status: "success" };
  },
);

export const claimAction = formAction(
  memberGroup,
  queueItemSchema,
  async ({ user, group }, { itemId }) => {
    const result = await toggleClaim(user.id, group.id, itemId, new Date(await serverNow()));
    if (!result.ok) return failed("queue", result);
    refresh(group.slug);
    return { status: "success" };
  },
);

export const removeAction = formAction(
  memberGroup,
  queueItemSchema,
  async ({ user, group }, { itemId }) => {
    const result = await removeFromQueue(user.id, group.id, itemId);
    if (!result.ok) return failed("queue", result);
    refresh(group.slug);
    return { status: "success", message: "queue.removed" };
  },
);
