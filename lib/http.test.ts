import { describe, expect, it, vi } from "vitest";
import { containsNul, readJson } from "./http";

// The body helpers do not need a session; next-auth does not load outside Next.
vi.mock("./auth/session", () => ({ requireUser: vi.fn(), requireUserId: vi.fn() }));
import { parseForm } from "./forms";
import { z } from "zod";

const request = (body: string) =>
  new Request("http://x/", {
    method: "PUT",
    body,
    headers: { "content-type": "application/json" },
  });

describe("reading request bodies", () => {
  it("refuses NUL characters anywhere in a JSON body (PostgreSQL cannot store them)", async () => {
    await expect(
      readJson(request(JSON.stringify({ a: ["ok", "bad\u0000"] })), 1000),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(readJson(request(JSON.stringify({ "k\u0000": 1 })), 1000)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // The six characters \u0000 typed as text are fine.
    expect(await readJson(request(JSON.stringify({ a: "\\u0000" })), 1000)).toEqual({
      a: "\\u0000",
    });
    expect(containsNul({ deep: { er: [1, null, "x"] } })).toBe(false);
  });

  it("refuses bodies that are not JSON or too big", async () => {
    await expect(readJson(request("{oops"), 1000)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      readJson(request(JSON.stringify({ a: "x".repeat(2000) })), 1000),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("drops NUL characters from form fields", () => {
    const form = new FormData();
    form.set("title", "Attention\u0000 is all you need");
    const parsed = parseForm(z.object({ title: z.string() }), form);
    expect(parsed).toEqual({ ok: true, data: { title: "Attention is all you need" } });
  });
});

describe("a busy database", () => {
  it("is answered 503 with Retry-After, not a server error", async () => {
    const { jsonError } = await import("./http");
    const timedOut = Object.assign(new Error("Operation has timed out"), { code: "P1008" });
    const response = jsonError(timedOut);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    expect(jsonError(new Error("boom")).status).toBe(500);
  });
});
