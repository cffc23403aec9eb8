// Creates the benchmark's world: one group with `count` readers; meeting 1 in its reading time
// with a reading per reader; meeting 2 in its recap, ten readers having answered all six questions
// (the recap screen's slides). Prints { readers, recapReadingId, meetingId, owner } as JSON for
// scripts/bench.mjs.
import { createPrismaClient } from "../lib/db-client";
import { hashPassword } from "../lib/auth/password";

const count = Number(process.argv[2] ?? 50);
const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);

export const BENCH_PASSWORD = "bench-password-1";

async function main() {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const owner = await db.user.create({
    data: { email: "bench-owner@bench.test", name: "Bench Owner", passwordHash },
    select: { id: true },
  });
  const group = await db.group.create({
    data: {
      name: "Bench",
      slug: "bench",
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  const meeting = await db.meeting.create({
    data: {
      groupId: group.id,
      number: 1,
      title: "Bench",
      scheduledAt: new Date(),
      facilitatorId: owner.id,
      phase: "READING",
    },
    select: { id: true },
  });
  const readers = [];
  for (let i = 0; i < count; i++) {
    const email = `reader${i}@bench.test`;
    const user = await db.user.create({
      data: { email, name: `Reader ${i}`, passwordHash },
      select: { id: true },
    });
    await db.membership.create({ data: { groupId: group.id, userId: user.id } });
    const paper = await db.paper.create({ data: { title: `Paper ${i}` }, select: { id: true } });
    const reading = await db.reading.create({
      // Six hours: nobody's time runs out during the run.
      data: {
        meetingId: meeting.id,
        userId: user.id,
        paperId: paper.id,
        durationMs: 6 * 3_600_000,
        startedAt: new Date(),
      },
      select: { id: true },
    });
    readers.push({ email, password: BENCH_PASSWORD, readingId: reading.id });
  }
  // A finished reading time: ten readers with full answers, presenting in the recap.
  const recap = await db.meeting.create({
    data: {
      groupId: group.id,
      number: 2,
      title: "Bench recap",
      scheduledAt: new Date(),
      facilitatorId: owner.id,
      phase: "RECAP",
      readingStartedAt: new Date(Date.now() - 3_600_000),
      recapStartedAt: new Date(),
    },
    select: { id: true },
  });
  const answer = (i: number, q: string) =>
    Array.from(
      { length: 5 },
      (_, k) => `- ${q} point ${k + 1} of reader ${i}: **bold**, \`code\``,
    ).join("\n");
  const order: string[] = [];
  for (let i = 0; i < Math.min(count, 10); i++) {
    const users = await db.user.findUniqueOrThrow({
      where: { email: `reader${i}@bench.test` },
      select: { id: true },
    });
    const paper = await db.paper.create({
      data: { title: `Recap paper ${i}`, authors: JSON.stringify(["A. Author"]), year: 2024 },
      select: { id: true },
    });
    const r = await db.reading.create({
      data: {
        meetingId: recap.id,
        userId: users.id,
        paperId: paper.id,
        durationMs: 50 * 60_000,
        startedAt: new Date(Date.now() - 3_600_000),
        finishedAt: new Date(Date.now() - 600_000),
        whatIsIt: answer(i, "what"),
        novelty: answer(i, "novel"),
        keyTechnique: answer(i, "key"),
        validation: answer(i, "validated"),
        discussion: answer(i, "discussion"),
        nextPapers: answer(i, "next"),
        gist: `Gist ${i}`,
        answered: 6,
      },
      select: { id: true },
    });
    order.push(r.id);
  }
  await db.meeting.update({
    where: { id: recap.id },
    data: { recapOrder: JSON.stringify(order) },
    select: { id: true },
  });
  await db.$disconnect();
  process.stdout.write(
    JSON.stringify({
      readers,
      recapReadingId: order[0],
      meetingId: meeting.id,
      owner: { email: "bench-owner@bench.test", password: BENCH_PASSWORD },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
