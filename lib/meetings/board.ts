// What the live board shows: sent to browsers as server-sent events.
import type { CountdownState } from "@/lib/readings/countdown";
import type { answerKeys, MeetingPhase } from "./schema";

export type BoardRow = {
  readingId: string;
  userId: string;
  name: string;
  paperTitle: string;
  countdown: CountdownState;
  answered: number;
};

export type RecapView = {
  order: string[];
  index: number;
  startedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
  softSeconds: number;
  hardSeconds: number;
  /** readingId → how long they presented, once they have. */
  presentedMs: Record<string, number>;
};

export type BoardState = {
  recap: RecapView;
  meetingId: string;
  phase: MeetingPhase;
  facilitatorId: string;
  serverNow: number;
  rows: BoardRow[];
};

export type RecapSlide = {
  readingId: string;
  name: string;
  paper: {
    title: string;
    authors: string[];
    year: number | null;
    venue: string | null;
    url: string | null;
    arxivId: string | null;
  };
  gist: string;
  answers: { key: (typeof answerKeys)[number]; text: string }[];
};
