import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const strong = "s".repeat(40);

describe("environment", () => {
  it("defaults to the SQLite file and generates a development secret", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.databaseUrl).toBe("file:./.data/yomikai.db");
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    // The same secret comes back next time (sessions survive a restart).
    expect(parseEnv({ NODE_ENV: "development" }).authSecret).toBe(env.authSecret);
  });

  it("stops production without its public URL (links are never built from the Host header)", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: strong })).toThrow(
      /AUTH_URL must be set in production/,
    );
    expect(
      parseEnv({ NODE_ENV: "production", AUTH_SECRET: strong, AUTH_URL: "https://y.example/app" })
        .publicUrl,
    ).toBe("https://y.example");
  });

  it("stops production without a strong secret and says what to set", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET must be set/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(
      /at least 32 characters/,
    );
    expect(
      parseEnv({ NODE_ENV: "production", AUTH_SECRET: strong, AUTH_URL: "https://y.example" })
        .authSecret,
    ).toBe(strong);
  });

  it("switches to PostgreSQL by URL and rejects other URLs", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      AUTH_URL: "https://y.example",
      AUTH_SECRET: strong,
      DATABASE_URL: "postgresql://u@h:5432/db",
    });
    expect(env.databaseProvider).toBe("postgres");
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        AUTH_SECRET: strong,
        AUTH_URL: "https://y.example",
        DATABASE_URL: "mysql://x",
      }),
    ).toThrow(/DATABASE_URL must be/);
  });

  it("enables external sign-in only with both keys", () => {
    const base = {
      NODE_ENV: "production",
      AUTH_SECRET: strong,
      AUTH_URL: "https://y.example",
    } as const;
    expect(parseEnv({ ...base, AUTH_GITHUB_ID: "id" }).github).toBeUndefined();
    expect(parseEnv({ ...base, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "sec" }).github).toEqual({
      clientId: "id",
      clientSecret: "sec",
    });
  });

  it("validates the rate-limit settings", () => {
    const base = {
      NODE_ENV: "production",
      AUTH_SECRET: strong,
      AUTH_URL: "https://y.example",
    } as const;
    expect(parseEnv(base).signInMaxFailures).toBe(10);
    expect(parseEnv(base).signInWindowMinutes).toBe(15);
    expect(() => parseEnv({ ...base, SIGN_IN_MAX_FAILURES: "zero" })).toThrow(
      /SIGN_IN_MAX_FAILURES/,
    );
  });
});
