import { describe, expect, it } from "vitest";
import { mergeText } from "./merge";

describe("mergeText", () => {
  it("takes the side that changed when only one did", () => {
    expect(mergeText("- a", "- a\n- b", "- a")).toBe("- a\n- b");
    expect(mergeText("- a", "- a", "- a\n- c")).toBe("- a\n- c");
    expect(mergeText("- a", "- x", "- x")).toBe("- x");
  });

  it("keeps both devices' new bullets", () => {
    expect(mergeText("- a", "- a\n- mine", "- a\n- theirs")).toBe("- a\n- theirs\n- mine");
    expect(mergeText("- a\n", "- a\n- mine\n", "- a\n- theirs\n")).toBe("- a\n- theirs\n- mine\n");
  });

  it("merges changes to different lines", () => {
    const base = "- one\n- two\n- three";
    expect(mergeText(base, "- ONE\n- two\n- three", "- one\n- two\n- THREE")).toBe(
      "- ONE\n- two\n- THREE",
    );
  });

  it("returns null when the same line changed differently", () => {
    expect(mergeText("- a", "- a mine", "- a theirs")).toBeNull();
    expect(mergeText("", "mine", "theirs")).toBeNull();
    expect(mergeText("- one\n- two", "- one\n- 2", "- one")).toBeNull();
  });

  it("handles Japanese text line by line", () => {
    expect(mergeText("- 提案手法", "- 提案手法\n- 精度向上", "- 提案手法\n- 計算量削減")).toBe(
      "- 提案手法\n- 計算量削減\n- 精度向上",
    );
  });
});
