// Signing in with GitHub or Google must never open someone else's account: an existing account
// is linked only when it has no password and the provider vouches for the email.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { upsertOAuthUser } = await import("@/lib/users/mutations");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

let n = 0;
const oauth = (email: string, emailVerified: boolean) => ({
  provider: "google",
  providerAccountId: `acct-${++n}`,
  email,
  emailVerified,
  name: "Someone",
});

describe("external sign-in", () => {
  it("does not take over an account that has a password, even with a verified email", async () => {
    const victim = await db.user.create({
      data: { email: "victim@t.test", name: "Victim", passwordHash: "hash" },
    });
    expect(await upsertOAuthUser(oauth("victim@t.test", true))).toEqual({
      refused: "linkWithPassword",
    });
    expect(await db.account.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("links a password-less account only for a verified email", async () => {
    const u = await db.user.create({ data: { email: "nopass@t.test", name: "No pass" } });
    expect(await upsertOAuthUser(oauth("nopass@t.test", false))).toEqual({
      refused: "unverifiedEmail",
    });
    const linked = await upsertOAuthUser(oauth("nopass@t.test", true));
    expect(linked).toMatchObject({ id: u.id });
  });

  it("creates an account for a new email and finds it again by the provider account", async () => {
    const first = oauth("new@t.test", false);
    const created = await upsertOAuthUser(first);
    expect(created).toMatchObject({ email: "new@t.test" });
    expect(await upsertOAuthUser(first)).toEqual(created);
  });
});
