import { describe, expect, it } from "vitest";
import { invalidVariables, parseEnv } from "./env";

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
      /AUTH_URL is not set; production needs it/,
    );
    expect(
      parseEnv({ NODE_ENV: "production", AUTH_SECRET: strong, AUTH_URL: "https://y.example/app" })
        .publicUrl,
    ).toBe("https://y.example");
  });

  it("stops production without a strong secret and says what to set", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /AUTH_SECRET is not set; production needs it/,
    );
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET is too short\. Allowed: a random string of at least 32 characters/,
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
    ).toThrow(
      /DATABASE_URL is not in the allowed form\. Allowed: file:<path> \(SQLite\) or postgresql:/,
    );
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

  describe("a bad value stops the start with one line naming the variable, its range and an example", () => {
    const base = {
      NODE_ENV: "production",
      AUTH_SECRET: strong,
      AUTH_URL: "https://y.example",
    } as const;
    const problemsOf = (extra: Record<string, string>) => {
      try {
        parseEnv({ ...base, ...extra });
      } catch (error) {
        return (error as Error).message.split("\n").slice(1);
      }
      throw new Error("parsed");
    };

    it("out of range", () => {
      expect(problemsOf({ ARXIV_MIN_INTERVAL_MS: "0" })).toEqual([
        "  ARXIV_MIN_INTERVAL_MS is below the minimum of 100. Allowed: a whole number of milliseconds from 100 to 60000. For example: ARXIV_MIN_INTERVAL_MS=3000",
      ]);
      expect(problemsOf({ LIVE_HEARTBEAT_MS: "600000" })).toEqual([
        "  LIVE_HEARTBEAT_MS is above the maximum of 60000. Allowed: a whole number of milliseconds from 1000 to 60000. For example: LIVE_HEARTBEAT_MS=15000",
      ]);
      expect(problemsOf({ LOOKUP_CONTACT: "x".repeat(201) })[0]).toMatch(
        /^ {2}LOOKUP_CONTACT is longer than 200 characters\. Allowed: plain ASCII/,
      );
    });

    it("wrong form", () => {
      expect(problemsOf({ SIGN_IN_MAX_FAILURES: "ten" })).toEqual([
        "  SIGN_IN_MAX_FAILURES is not a number. Allowed: a whole number from 1 to 1000. For example: SIGN_IN_MAX_FAILURES=10",
      ]);
      expect(problemsOf({ TRUSTED_PROXY_HOPS: "1.5" })[0]).toMatch(
        /^ {2}TRUSTED_PROXY_HOPS is not a whole number\. Allowed: a whole number from 0 to 10\./,
      );
      expect(problemsOf({ ARXIV_API_URL: "ftp://arxiv.example" })).toEqual([
        "  ARXIV_API_URL is not an http(s) URL. Allowed: an http(s) URL. For example: ARXIV_API_URL=https://export.arxiv.org/api/query",
      ]);
      expect(problemsOf({ E2E_TEST_CLOCK: "yes" })[0]).toMatch(
        /^ {2}E2E_TEST_CLOCK is not one of the allowed values\. Allowed: 0, or 1 in tests/,
      );
      expect(problemsOf({ SMTP_URL: "mail.example.org" })[0]).toMatch(
        /^ {2}SMTP_URL is not in the allowed form\. Allowed: smtp:\/\/user:password@host:port/,
      );
    });

    it("missing where production requires it", () => {
      expect(problemsOf({ E2E_TEST_CLOCK: "1" })).toEqual([
        "  E2E_TEST_CLOCK is 1 in production without E2E_TEST_CLOCK_IN_PRODUCTION=1 (it lets visitors move the server's clock; tests only). Allowed: 0, or 1 in tests (in production only with E2E_TEST_CLOCK_IN_PRODUCTION=1). For example: E2E_TEST_CLOCK=0",
      ]);
      expect(problemsOf({ AUTH_URL: "" })).toEqual([
        "  AUTH_URL is not set; production needs it (invite and minutes links are built from it, never from a request's Host header). Allowed: the app's public http(s) URL. For example: AUTH_URL=https://yomikai.example.org",
      ]);
      expect(problemsOf({ SMTP_URL: "smtp://m.example:587" })[0]).toMatch(
        /^ {2}MAIL_FROM is not set, and SMTP_URL needs it\./,
      );
    });

    it("lists every problem at once, in the README's order, and never prints a value", () => {
      const lines = problemsOf({
        AUTH_SECRET: "hunter2-is-my-password",
        ARXIV_MIN_INTERVAL_MS: "0",
        E2E_TEST_CLOCK: "1",
        AUTOSAVE_PER_SECOND: "-1",
      });
      expect(lines.map((l) => l.trim().split(" ")[0])).toEqual([
        "AUTH_SECRET",
        "ARXIV_MIN_INTERVAL_MS",
        "AUTOSAVE_PER_SECOND",
        "E2E_TEST_CLOCK",
      ]);
      expect(lines.join("\n")).not.toContain("hunter2");
    });

    it("treats a blank number as unset, so its default holds", () => {
      expect(parseEnv({ ...base, ARXIV_MIN_INTERVAL_MS: " " }).lookup.arxivIntervalMs).toBe(3000);
    });

    it("names only the variables in the health check's answer", () => {
      expect(
        invalidVariables({ ...base, ARXIV_MIN_INTERVAL_MS: "0", BENCH_TOKEN: "short-token" }),
      ).toEqual(["ARXIV_MIN_INTERVAL_MS", "BENCH_TOKEN"]);
      expect(invalidVariables(base)).toEqual([]);
    });
  });
});
