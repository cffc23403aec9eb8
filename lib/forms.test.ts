import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appErrorState, formValues, parseForm } from "./forms";
import { AppError } from "./errors";

function fd(entries: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
}

describe("parseForm", () => {
  const schema = z.object({ name: z.string().min(1, { error: "required" }) });

  it("returns parsed data when valid", () => {
    expect(parseForm(schema, fd({ name: "Aki" }))).toEqual({ ok: true, data: { name: "Aki" } });
  });

  it("returns field errors as message keys and echoes input without passwords", () => {
    const r = parseForm(schema, fd({ name: "", password: "secret123", $ACTION_ID: "x" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.state.fieldErrors).toEqual({ name: ["validation.required"] });
    expect(r.state.values).toEqual({ name: "" });
  });
});

describe("form helpers", () => {
  it("drops password fields from echoed values", () => {
    expect(formValues(fd({ email: "a@b.c", newPassword: "x", confirmPassword: "y" }))).toEqual({
      email: "a@b.c",
    });
  });

  it("maps app errors and rethrows unexpected ones", () => {
    expect(appErrorState(new AppError("FORBIDDEN")).formError).toBe("errors.FORBIDDEN");
    expect(() => appErrorState(new Error("boom"))).toThrow("boom");
  });
});
