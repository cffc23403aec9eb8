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
    expect(callbackPathSchema.parse("//evil.example")).toBe("/");
    expect(callbackPathSchema.parse("https://evil.example")).toBe("/");
    expect(callbackPathSchema.parse(undefined)).toBe("/");
  });
});
