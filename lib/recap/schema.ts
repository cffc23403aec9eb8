// What the recap screens show, as sent to browsers.
import type { AnswerKey } from "@/lib/readings/schema";
import type { ShownPaper } from "@/lib/papers/display";

/** Why a recap command was refused; each is a message under recap.errors. */
export const recapFailures = ["wrongPhase", "invalidOrder", "alreadyStarted"] as const;
export type RecapFailureReason = (typeof recapFailures)[number];

export type RecapView = {
  order: string[];
  index: number;
  startedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
  /** Grows with every change to the recap (lib/recap/mutations.ts): orders boards and answers. */
  revision: number;
  softSeconds: number;
  hardSeconds: number;
  /** readingId → how long they presented, once they have. */
  presentedMs: Record<string, number>;
};

export type RecapSlide = {
  readingId: string;
  name: string;
  paper: ShownPaper;
  gist: string;
  /** The answers filled in: as written, and as HTML made on the server (lib/markdown-html.ts). */
  answers: { key: AnswerKey; text: string; html: string }[];
};
