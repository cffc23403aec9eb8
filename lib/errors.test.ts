import { describe, expect, it } from "vitest";
import { AppError, errorBody, httpStatusOf, messageKeyOf } from "./errors";

describe("errors", () => {
  it("maps app errors to statuses and message keys", () => {
    const e = new AppError("NOT_FOUND");
    expect(httpStatusOf(e)).toBe(404);
    expect(messageKeyOf(e)).toBe("errors.NOT_FOUND");
    expect(errorBody(e)).toEqual({ error: { code: "NOT_FOUND", message: "NOT_FOUND" } });
  });

  it("never exposes an unexpected error's message", () => {
    const e = new Error("SELECT * FROM secret failed at db.ts:42");
    expect(httpStatusOf(e)).toBe(500);
    expect(messageKeyOf(e)).toBe("errors.UNEXPECTED");
    expect(JSON.stringify(errorBody(e))).not.toContain("secret");
  });
});
