// What the live board shows: sent to browsers as server-sent events.
import type { CountdownState } from "@/lib/readings/countdown";
import type { RecapSlide, RecapView } from "@/lib/recap/schema";
import type { MeetingPhase } from "./schema";

export type BoardRow = {
  readingId: string;
  userId: string;
  name: string;
  paperTitle: string;
  /** arXiv's PDF and HTML renderings of the paper, when it is an arXiv paper. */
  paperPdf: string | null;
  /** The reader read this paper in an earlier meeting (and confirmed reading it again). */
  reread: boolean;
  paperHtml: string | null;
  /** Where the paper can be read (its page, arXiv or DOI), when known. */
  paperHref: string | null;
  countdown: CountdownState;
  answered: number;
};

export type BoardState = {
  recap: RecapView;
  meetingId: string;
  phase: MeetingPhase;
  facilitatorId: string;
  rows: BoardRow[];
  /** Each reader's slide (name, paper, gist, answers), during the recap only. */
  slides: RecapSlide[];
};
