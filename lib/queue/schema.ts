// The reading queue: papers a group means to read later. Inputs and the reasons a change is refused.
import { z } from "zod";
import { BIBTEX_MAX } from "@/lib/papers/bibtex";
import { idSchema } from "@/lib/ids";
import type { PaperIdentifier } from "@/lib/papers/identifiers";

/** Why adding or changing a queued paper was refused; each is a message under queue.*. */
export const queueFailures = [
  "alreadyQueued",
  "alreadyRead",
  "claimedByOther",
  "notFound",
  "unavailable",
  "unrecognised",
  "forbidden",
] as const;
export type QueueFailureReason = (typeof queueFailures)[number];

export const addToQueueSchema = z.object({
  text: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(BIBTEX_MAX, { error: "tooLong" }),
});

export const queueItemSchema = z.object({ itemId: idSchema });

export type QueueEntry = {
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  href: string | null;
  /** What to paste to pick it when joining (its arXiv id or DOI). */
  identifier: string | null;
  addedBy: string;
  addedByMe: boolean;
  addedAt: Date;
  votes: number;
  votedByMe: boolean;
  claimedBy: { id: string; name: string } | null;
};

export type Suggestion = {
  identifier: PaperIdentifier;
  /** The identifier as people write it (2304.13705, 10.1145/…). */
  text: string;
  suggestedBy: string;
  /** Already in the queue or already read in this group. */
  known: boolean;
};
