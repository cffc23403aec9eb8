import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formOnly, parseForm, withoutControlCharacters } from "./forms";

describe("form input", () => {
  it("drops control characters but keeps tabs, line breaks and every script", () => {
    expect(withoutControlCharacters("a\u0000b\u0007c\u001b[31md\u000ce\u007f")).toBe("abc[31mde");
    expect(withoutControlCharacters("行1\n\tline 2\r\n")).toBe("行1\n\tline 2\r\n");
  });

  it("parses fields without their control characters", () => {
    const form = new FormData();
    form.set("name", "Ai\u0000ko\u0007");
    const parsed = parseForm(z.object({ name: z.string() }), form);
    expect(parsed).toEqual({ ok: true, data: { name: "Aiko" } });
  });

  it("answers an action called with something other than a form as invalid input", async () => {
    const action = formOnly(async () => ({ status: "success" }));
    expect(await action({ status: "idle" }, "text" as unknown as FormData)).toEqual({
      status: "error",
      formError: "errors.INVALID_INPUT",
    });
    expect(await action({ status: "idle" }, new FormData())).toEqual({ status: "success" });
  });
});
