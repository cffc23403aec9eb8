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

  it("answers 503 naming the variables set wrong, never their values, without blaming the database", async () => {
    ping.mockImplementation(async () => undefined);
    vi.stubEnv("ARXIV_MIN_INTERVAL_MS", "0");
    vi.stubEnv("SMTP_URL", "smtp://mailer:s3cret-password@mail.example:587");
    vi.stubEnv("MAIL_FROM", "");
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        status: "error",
        config: "invalid",
        variables: ["ARXIV_MIN_INTERVAL_MS", "MAIL_FROM"],
      });
      expect(text).not.toContain("s3cret");
    } finally {
      vi.unstubAllEnvs();
    }
    expect((await GET()).status).toBe(200);
  });
});
