// The sign-in limit on a real database: attempts counted atomically, per client and account.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
process.env.SIGN_IN_MAX_FAILURES = "10";
const { db } = await import("@/lib/db");
const { recordSignInAttempt, attemptSucceeded } = await import("@/lib/auth/rate-limit");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("sign-in attempts", () => {
  it("let at most the limit through when thirty arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => recordSignInAttempt("target@t.test", "203.0.113.9")),
    );
    expect(results.filter((r) => !r.blocked).length).toBeLessThanOrEqual(10);
    expect((await recordSignInAttempt("target@t.test", "203.0.113.9")).blocked).toBe(true);
  });

  it("back off one client at one account; the account stays open to others", async () => {
    for (let i = 0; i < 10; i++) await recordSignInAttempt("victim@t.test", "198.51.100.1");
    expect((await recordSignInAttempt("victim@t.test", "198.51.100.1")).blocked).toBe(true);
    expect((await recordSignInAttempt("victim@t.test", "198.51.100.2")).blocked).toBe(false);
    await attemptSucceeded("victim@t.test", "198.51.100.2");
    expect(await db.signInFailure.count({ where: { ip: "198.51.100.2" } })).toBe(0);
  });

  it("back off one client guessing across accounts", async () => {
    for (let i = 0; i < 10; i++) await recordSignInAttempt(`n${i}@t.test`, "192.0.2.7");
    expect((await recordSignInAttempt("someone@t.test", "192.0.2.7")).blocked).toBe(true);
  });
});

describe("limited actions", () => {
  it("allow their limit in a window, counted across parallel uses, and again after it", async () => {
    const { allowAction, ACTION_LIMITS } = await import("@/lib/auth/rate-limit");
    const now = new Date("2026-12-01T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 15 }, () => allowAction("signUp", "198.51.100.50", now)),
    );
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(ACTION_LIMITS.signUp.limit);
    expect(await allowAction("signUp", "198.51.100.50", now)).toBe(false);
    // Another address is not affected; the same one is allowed again once the window has passed.
    expect(await allowAction("signUp", "198.51.100.51", now)).toBe(true);
    const later = new Date(now.getTime() + ACTION_LIMITS.signUp.windowMs + 1);
    expect(await allowAction("signUp", "198.51.100.50", later)).toBe(true);
  });
});
