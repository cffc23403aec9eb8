// Test data for unit tests on a real database: a reader with a started reading in a meeting of
// their own group. Import after createTestDatabase() (it reads the database from the environment).
import { db } from "@/lib/db";

const MIN = 60_000;
let n = 0;

export async function makeReading(opts: {
  startedAt: number;
  durationMs?: number;
  phase?: "READING" | "RECAP" | "CLOSED";
}) {
  n++;
  const tag = `${n}-${Math.random().toString(36).slice(2, 10)}`;
  const user = await db.user.create({
    data: { email: `r${tag}@t.test`, name: `R${n}` },
    select: { id: true },
  });
  const group = await db.group.create({
    data: {
      name: "G",
      slug: `g${tag}`,
      memberships: { create: { userId: user.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  const meeting = await db.meeting.create({
    data: {
      groupId: group.id,
      number: 1,
      title: "M",
      scheduledAt: new Date(opts.startedAt),
      facilitatorId: user.id,
      phase: opts.phase ?? "READING",
    },
    select: { id: true },
  });
  const paper = await db.paper.create({ data: { title: "P" }, select: { id: true } });
  const r = await db.reading.create({
    data: {
      meetingId: meeting.id,
      userId: user.id,
      paperId: paper.id,
      durationMs: opts.durationMs ?? 50 * MIN,
      startedAt: new Date(opts.startedAt),
    },
    select: { id: true },
  });
  return { userId: user.id, readingId: r.id, meetingId: meeting.id };
}
