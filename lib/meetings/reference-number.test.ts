import { describe, expect, it } from "vitest";
import { referenceNumber } from "./reference-number";

const rows = [
  { readingId: "a", paperKey: "arxiv:1" },
  { readingId: "b", paperKey: "arxiv:2" },
  { readingId: "c", paperKey: "arxiv:1" }, // the same paper as a
  { readingId: "d", paperKey: "doi:3" },
];

describe("referenceNumber", () => {
  it("numbers papers in join order before the recap, a shared paper once", () => {
    expect(rows.map((r) => referenceNumber(rows, [], r.readingId))).toEqual([1, 2, 1, 3]);
  });

  it("follows the presenting order once there is one; later joiners come after", () => {
    expect(["a", "b", "c", "d"].map((id) => referenceNumber(rows, ["d", "b"], id))).toEqual([
      3, 2, 3, 1,
    ]);
  });

  it("is null for a reading not on the board", () => {
    expect(referenceNumber(rows, [], "zz")).toBeNull();
  });
});
