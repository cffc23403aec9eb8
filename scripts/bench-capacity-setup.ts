// The capacity bench's world, added to the bench's database: a group "capacity" with `meetings`
// meetings in their reading time, each with `perMeeting` readers who have started. Prints
// { meetings: [{ meetingId, readers: [{ userId, readingId }] }] } as JSON for
// scripts/bench/capacity.mjs, which signs the readers in by minting their session cookies.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../lib/db-client";

const meetingCount = Number(process.argv[2] ?? 10);
const perMeeting = Number(process.argv[3] ?? 10);
const db = createPrismaClient(process.env.DATABASE_URL!);

async function main() {
  const group = await db.group.create({
    data: { name: "Capacity", slug: "capacity" },
    select: { id: true },
  });
  const meetings = [];
  for (let m = 0; m < meetingCount; m++) {
    const users = Array.from({ length: perMeeting }, (_, i) => ({
      id: randomUUID(),
      email: `cap-${m}-${i}@bench.test`,
      name: `Capacity ${m}-${i}`,
    }));
    await db.user.createMany({ data: users });
    await db.membership.createMany({
      data: users.map((u, i) => ({
        groupId: group.id,
        userId: u.id,
        role: m === 0 && i === 0 ? "OWNER" : "MEMBER",
      })),
    });
    const meeting = await db.meeting.create({
      data: {
        groupId: group.id,
        number: m + 1,
        title: `Capacity ${m + 1}`,
        scheduledAt: new Date(),
        facilitatorId: users[0]!.id,
        phase: "READING",
        readingStartedAt: new Date(),
      },
      select: { id: true },
    });
    const papers = users.map((_, i) => ({ id: randomUUID(), title: `Capacity paper ${m}-${i}` }));
    await db.paper.createMany({ data: papers });
    const readings = users.map((u, i) => ({
      id: randomUUID(),
      meetingId: meeting.id,
      userId: u.id,
      paperId: papers[i]!.id,
      // Six hours: nobody's time runs out during the run.
      durationMs: 6 * 3_600_000,
      startedAt: new Date(),
    }));
    await db.reading.createMany({ data: readings });
    meetings.push({
      meetingId: meeting.id,
      readers: users.map((u, i) => ({ userId: u.id, readingId: readings[i]!.id })),
    });
  }
  await db.$disconnect();
  process.stdout.write(JSON.stringify({ meetings }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
