// Creates the benchmark's readers: one group, one meeting, and a reading per reader. Prints them
// as JSON on stdout for scripts/bench.mjs.
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
  await db.$disconnect();
  process.stdout.write(JSON.stringify(readers));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
