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
