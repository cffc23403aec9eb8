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

/**
 * The board as the recap screen's page sends it: the slides the screen can show before its live
 * stream's first board arrives (the presenter's, the one before and the one after, which a key
 * press reaches), or every slide on the closing one, which lists them all. The rest come with the
 * live board, or from `GET /api/meetings/:id/recap` when the screen needs one first. Ten full
 * summaries were most of the page's payload, serialised and read back on every request.
 */
export function boardForRecapScreen(board: BoardState): BoardState {
  const { order, index } = board.recap;
  if (index >= order.length) return board;
  const near = new Set(order.slice(Math.max(0, index - 1), index + 2));
  return { ...board, slides: board.slides.filter((s) => near.has(s.readingId)) };
}

/** The board as the meeting page sends it: its live parts show no slides, so none travel. */
export function boardForMeetingPage(board: BoardState): BoardState {
  return board.slides.length === 0 ? board : { ...board, slides: [] };
}
