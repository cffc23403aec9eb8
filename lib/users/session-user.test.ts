// Who a session is, remembered briefly per instance: a change through the app is seen at once,
// one made elsewhere within SESSION_USER_TTL_MS, and an ended session is never taken for a live one.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { getSessionUserById, SESSION_USER_TTL_MS } = await import("./data");
const { updatePassword, updateProfile, updateLocale } = await import("./mutations");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});
afterEach(() => vi.useRealTimers());

let n = 0;
async function user() {
  n++;
  return db.user.create({
    data: { email: `s${n}-${Date.now()}@t.test`, name: `Sora ${n}` },
    select: { id: true, sessionVersion: true },
  });
}

describe("the session's user", () => {
  it("is read once for a user's page views within the window, and again after it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const u = await user();
    const spy = vi.spyOn(db.user, "findFirst");
    try {
      expect((await getSessionUserById(u.id, u.sessionVersion))?.name).toBe(`Sora ${n}`);
      await getSessionUserById(u.id, u.sessionVersion);
      await getSessionUserById(u.id, u.sessionVersion);
      expect(spy).toHaveBeenCalledTimes(1);
      // A rename made straight in the database (another instance, a script) shows after the window.
      await db.user.update({ where: { id: u.id }, data: { name: "Renamed elsewhere" } });
      vi.setSystemTime(Date.now() + SESSION_USER_TTL_MS + 1);
      expect((await getSessionUserById(u.id, u.sessionVersion))?.name).toBe("Renamed elsewhere");
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("ends at once when the password changes on this instance, and never answers another version", async () => {
    const u = await user();
    expect(await getSessionUserById(u.id, u.sessionVersion)).not.toBeNull();
    await updatePassword(u.id, "a new password of some length");
    expect(await getSessionUserById(u.id, u.sessionVersion)).toBeNull();
    expect(await getSessionUserById(u.id, u.sessionVersion + 1)).not.toBeNull();
    // The old version is never served from what the new one remembered.
    expect(await getSessionUserById(u.id, u.sessionVersion)).toBeNull();
  });

  it("shows a new name or language changed through the app at once", async () => {
    const u = await user();
    await getSessionUserById(u.id, u.sessionVersion);
    await updateProfile(u.id, { name: "Hana", locale: "ja" });
    expect(await getSessionUserById(u.id, u.sessionVersion)).toMatchObject({
      name: "Hana",
      locale: "ja",
    });
    await updateLocale(u.id, "en");
    expect((await getSessionUserById(u.id, u.sessionVersion))?.locale).toBe("en");
  });

  it("is not remembered when the read fails", async () => {
    const u = await user();
    const spy = vi.spyOn(db.user, "findFirst").mockRejectedValueOnce(new Error("connection lost"));
    try {
      await expect(getSessionUserById(u.id, u.sessionVersion)).rejects.toThrow("connection lost");
      expect(await getSessionUserById(u.id, u.sessionVersion)).not.toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
