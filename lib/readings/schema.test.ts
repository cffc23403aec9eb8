import { expect, it } from "vitest";
import { answeredCount } from "./schema";

it("counts answered questions", () => {
  expect(answeredCount({ whatIsIt: "- a model", novelty: "  ", nextPapers: "x" })).toBe(2);
});
