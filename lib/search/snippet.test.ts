import { describe, expect, it } from "vitest";
import { snippetOf } from "./snippet";

const render = (s: ReturnType<typeof snippetOf>) =>
  s ? `${s.field}: ${s.segments.map((x) => (x.hit ? `[${x.text}]` : x.text)).join("")}` : null;

describe("snippetOf", () => {
  it("takes the first field that holds a term, marks every term in it", () => {
    const texts = [
      { field: "title", text: "ALOHA" },
      { field: "whatIsIt", text: "- 模倣学習で双腕ロボットを動かす\n- 模倣の精度が高い" },
    ];
    expect(render(snippetOf(texts, ["模倣"]))).toBe(
      "whatIsIt: [模倣]学習で双腕ロボットを動かす [模倣]の精度が高い",
    );
  });

  it("matches any case and full-width letters, and keeps the text's own spelling", () => {
    expect(
      render(snippetOf([{ field: "gist", text: "Ｙｏｌｏ is fast; YOLO v3 too" }], ["yolo"])),
    ).toBe("gist: [Yolo] is fast; [YOLO] v3 too");
  });

  it("cuts a long text around the first hit", () => {
    const text = `${"a".repeat(200)} needle ${"b".repeat(200)}`;
    const s = render(snippetOf([{ field: "novelty", text }], ["needle"], 10));
    expect(s).toBe(`novelty: …${"a".repeat(9)} [needle] ${"b".repeat(19)}…`);
  });

  it("reads Markdown as text: no bullets, images by their alt text", () => {
    expect(
      render(
        snippetOf(
          [{ field: "validation", text: "- ![図1](/api/images/x)\n  - 精度 90%" }],
          ["90%"],
        ),
      ),
    ).toBe("validation: [図1] 精度 [90%]");
  });

  it("is null with no terms or no hit", () => {
    expect(snippetOf([{ field: "gist", text: "x" }], [])).toBeNull();
    expect(snippetOf([{ field: "gist", text: "x" }], ["y"])).toBeNull();
  });
});
