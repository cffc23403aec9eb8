// Signing in with GitHub or Google must never open someone else's account: an existing account
// is linked only when it has no password and the provider vouches for the email.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { upsertOAuthUser, connectOAuthAccount } = await import("@/lib/users/mutations");
const { getConnectedProviders } = await import("@/lib/users/data");

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

  it("connects a provider to a signed-in account, never one that belongs to someone else", async () => {
    const owner = await db.user.create({
      data: { email: "owner@t.test", name: "Owner", passwordHash: "hash" },
    });
    const other = await db.user.create({ data: { email: "other@t.test", name: "Other" } });
    const connected = await connectOAuthAccount(owner.id, "github", "gh-1");
    expect(connected).toMatchObject({ id: owner.id });
    // Again: nothing changes.
    expect(await connectOAuthAccount(owner.id, "github", "gh-1")).toMatchObject({ id: owner.id });
    expect(await getConnectedProviders(owner.id)).toEqual(["github"]);
    // Later, the provider account signs in to its owner, with or without a matching email.
    expect(
      await upsertOAuthUser({
        provider: "github",
        providerAccountId: "gh-1",
        email: "someone-else@t.test",
        emailVerified: false,
        name: "X",
      }),
    ).toMatchObject({ id: owner.id });
    expect(await connectOAuthAccount(other.id, "github", "gh-1")).toEqual({
      refused: "linkedElsewhere",
    });
    expect(await getConnectedProviders(other.id)).toEqual([]);
  });
});
