import { describe, expect, it, vi } from "vitest";

const ping = vi.fn<() => Promise<void>>();
vi.mock("@/lib/health/data", () => ({ pingDatabase: () => ping() }));

const { GET } = await import("@/app/api/health/route");

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    ping.mockImplementation(async () => undefined);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
  });

  it("answers 503 without details when the database does not", async () => {
    ping.mockImplementation(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", database: "down" });
  });
});
