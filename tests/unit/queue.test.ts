// The reading queue's rules on a real database: membership, one vote each, one claimer, who may
// remove, and reading a queued paper taking it off the queue.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const q = await import("@/lib/queue/mutations");
const { listQueue } = await import("@/lib/queue/data");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

let n = 0;
async function groupWith(...roles: ("OWNER" | "ADMIN" | "MEMBER")[]) {
  n++;
  const users = [];
  for (const [i] of roles.entries())
    users.push(
      await db.user.create({
        data: { email: `q${n}-${i}@t.test`, name: `U${i}` },
        select: { id: true },
      }),
    );
  const group = await db.group.create({
    data: {
      name: "G",
      slug: `q-${n}-${Math.random().toString(36).slice(2, 8)}`,
      memberships: { create: users.map((u, i) => ({ userId: u.id, role: roles[i]! })) },
    },
    select: { id: true },
  });
  const paper = await db.paper.create({ data: { title: `P${n}` }, select: { id: true } });
  return { groupId: group.id, ids: users.map((u) => u.id), paperId: paper.id };
}

describe("the reading queue", () => {
  it("is for members only; a paper is queued once, with its adder's vote", async () => {
    const g = await groupWith("OWNER", "MEMBER");
    const stranger = await db.user.create({ data: { email: `s${n}@t.test`, name: "S" } });
    await expect(q.addToQueue(stranger.id, g.groupId, g.paperId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await q.addToQueue(g.ids[1]!, g.groupId, g.paperId)).toEqual({ ok: true });
    expect(await q.addToQueue(g.ids[0]!, g.groupId, g.paperId)).toEqual({
      ok: false,
      reason: "alreadyQueued",
    });
    const [entry] = await listQueue(g.groupId, g.ids[1]!);
    expect(entry).toMatchObject({ votes: 1, votedByMe: true, addedByMe: true });
    // A stranger cannot vote, claim or remove, even knowing the item's id.
    for (const call of [
      () => q.toggleVote(stranger.id, g.groupId, entry!.id),
      () => q.toggleClaim(stranger.id, g.groupId, entry!.id, new Date()),
      () => q.removeFromQueue(stranger.id, g.groupId, entry!.id),
    ])
      expect(await call()).toEqual({ ok: false, reason: "notFound" });
  });

  it("counts one vote per member and lets one member claim at a time", async () => {
    const g = await groupWith("OWNER", "MEMBER", "MEMBER");
    await q.addToQueue(g.ids[0]!, g.groupId, g.paperId);
    const [entry] = await listQueue(g.groupId, g.ids[0]!);
    await Promise.all([
      q.toggleVote(g.ids[1]!, g.groupId, entry!.id),
      q.toggleVote(g.ids[2]!, g.groupId, entry!.id),
    ]);
    expect((await listQueue(g.groupId, g.ids[0]!))[0]!.votes).toBe(3);
    await q.toggleVote(g.ids[2]!, g.groupId, entry!.id);
    expect((await listQueue(g.groupId, g.ids[0]!))[0]!.votes).toBe(2);

    const claims = await Promise.all([
      q.toggleClaim(g.ids[1]!, g.groupId, entry!.id, new Date()),
      q.toggleClaim(g.ids[2]!, g.groupId, entry!.id, new Date()),
    ]);
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
    expect(claims.filter((c) => !c.ok)).toEqual([{ ok: false, reason: "claimedByOther" }]);
  });

  it("is removed by its adder or an admin, not by another member", async () => {
    const g = await groupWith("OWNER", "MEMBER", "MEMBER");
    await q.addToQueue(g.ids[1]!, g.groupId, g.paperId);
    const [entry] = await listQueue(g.groupId, g.ids[1]!);
    expect(await q.removeFromQueue(g.ids[2]!, g.groupId, entry!.id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await q.removeFromQueue(g.ids[0]!, g.groupId, entry!.id)).toEqual({ ok: true });
    expect(await listQueue(g.groupId, g.ids[0]!)).toEqual([]);
  });
});
