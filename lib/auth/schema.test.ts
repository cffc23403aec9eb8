import { describe, expect, it } from "vitest";
import { callbackPathSchema, changePasswordSchema, signUpSchema } from "./schema";
import { z } from "zod";

function fieldErrors(result: { success: boolean; error?: z.ZodError }) {
  return result.error ? z.flattenError(result.error).fieldErrors : {};
}

describe("auth schemas", () => {
  it("normalises email and accepts a valid sign-up", () => {
    const r = signUpSchema.safeParse({
      name: " Aki ",
      email: " Aki@Example.COM ",
      password: "12345678",
    });
    expect(r.success && r.data).toEqual({
      name: "Aki",
      email: "aki@example.com",
      password: "12345678",
    });
  });

  it("reports each bad field with a message key", () => {
    const r = signUpSchema.safeParse({
      name: "x".repeat(101),
      email: "not-an-email",
      password: "short",
    });
    expect(fieldErrors(r)).toEqual({
      name: ["nameTooLong"],
      email: ["emailInvalid"],
      password: ["passwordTooShort"],
    });
  });

  it("requires the confirmation to match", () => {
    const r = changePasswordSchema.safeParse({
      currentPassword: "a",
      newPassword: "12345678",
      confirmPassword: "12345679",
    });
    expect(fieldErrors(r)).toEqual({ confirmPassword: ["passwordsDiffer"] });
  });

  it("keeps sign-in redirects on this site", () => {
    expect(callbackPathSchema.parse("/ja/groups/x")).toBe("/ja/groups/x");
    expect(callbackPathSchema.parse("/ja/groups/x?tab=1#top")).toBe("/ja/groups/x?tab=1#top");
    expect(callbackPathSchema.parse("/ja/../en/groups")).toBe("/en/groups");
    expect(callbackPathSchema.parse(undefined)).toBe("/");
  });

  it.each([
    "//evil.example",
    "https://evil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "/\u0000/evil.example",
    "/%E0%A4%A",
    "javascript:alert(1)",
    " /groups",
  ])("refuses %j as a redirect target", (value) => {
    expect(callbackPathSchema.parse(value)).toBe("/");
  });
});
