import { describe, expect, it } from "vitest";
import type { RecapSlide } from "@/lib/recap/schema";
import { boardForMeetingPage, boardForRecapScreen, type BoardState } from "./board";

const slide = (readingId: string): RecapSlide => ({
  readingId,
  name: `Reader ${readingId}`,
  paper: { title: `Paper ${readingId}` } as RecapSlide["paper"],
  gist: "",
  answers: [{ key: "whatIsIt", text: "x", html: "<p>x</p>" }],
});

function boardAt(index: number, order = ["a", "b", "c", "d", "e"]): BoardState {
  return {
    meetingId: "m",
    phase: "RECAP",
    facilitatorId: "f",
    rows: [],
    slides: order.map(slide),
    recap: {
      order,
      index,
      startedAt: null,
      pausedAt: null,
      pausedMs: 0,
      revision: 1,
      softSeconds: 60,
      hardSeconds: 120,
      presentedMs: {},
    },
  };
}

const ids = (b: BoardState) => b.slides.map((s) => s.readingId);

describe("boardForRecapScreen", () => {
  it("keeps the presenter's slide and the ones a key press reaches", () => {
    expect(ids(boardForRecapScreen(boardAt(0)))).toEqual(["a", "b"]);
    expect(ids(boardForRecapScreen(boardAt(2)))).toEqual(["b", "c", "d"]);
    expect(ids(boardForRecapScreen(boardAt(4)))).toEqual(["d", "e"]);
  });

  it("keeps every slide on the closing one, which lists them all", () => {
    expect(ids(boardForRecapScreen(boardAt(5)))).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("follows the presenter order, not the order the slides were built in", () => {
    const board = boardAt(1, ["e", "c", "a", "d", "b"]);
    expect(ids(boardForRecapScreen(board)).sort()).toEqual(["a", "c", "e"]);
  });

  it("changes nothing else of the board", () => {
    const board = boardAt(2);
    expect({ ...boardForRecapScreen(board), slides: [] }).toEqual({ ...board, slides: [] });
  });
});

describe("boardForMeetingPage", () => {
  it("sends no slides, and the rest as it is", () => {
    const board = boardAt(1);
    expect(boardForMeetingPage(board)).toEqual({ ...board, slides: [] });
  });
});
