// What the member and statistics pages read: a group's readings in meetings that took place.
import "server-only";
import { db } from "@/lib/db";
import { showPaper, shownPaperSelect } from "@/lib/papers/display";

const held = { phase: { not: "PLANNED" as const } };

/** Every reading in the group's meetings that took place, for the group's statistics. */
export async function listGroupReadings(groupId: string) {
  const rows = await db.reading.findMany({
    where: { meeting: { groupId, ...held } },
    select: {
      userId: true,
      nextPapers: true,
      paperOverrides: true,
      meeting: { select: { id: true, number: true, scheduledAt: true } },
      paper: {
        select: {
          title: true,
          authors: true,
          year: true,
          url: true,
          arxivId: true,
          doi: true,
          primaryCategory: true,
        },
      },
    },
  });
  return rows.map((r) => ({
    userId: r.userId,
    meetingId: r.meeting.id,
    meetingNumber: r.meeting.number,
    scheduledAt: r.meeting.scheduledAt,
    arxivId: r.paper.arxivId,
    doi: r.paper.doi,
    primaryCategory: r.paper.primaryCategory,
    paperTitle: showPaper(r.paper, r.paperOverrides).title,
    nextPapers: r.nextPapers,
  }));
}

/** A person as the group knows them: a member now, or someone who read in its meetings. */
export async function getGroupPerson(groupId: string, userId: string) {
  const user = await db.user.findFirst({
    where: {
      id: userId,
      OR: [
        { memberships: { some: { groupId } } },
        { readings: { some: { meeting: { groupId } } } },
      ],
    },
    select: { id: true, name: true, memberships: { where: { groupId }, select: { role: true } } },
  });
  return user ? { id: user.id, name: user.name, role: user.memberships[0]?.role ?? null } : null;
}

/** A person's readings in the group's meetings that took place, newest first. */
export async function listPersonReadings(groupId: string, userId: string) {
  const rows = await db.reading.findMany({
    where: { userId, meeting: { groupId, ...held } },
    orderBy: [{ meeting: { scheduledAt: "desc" } }, { createdAt: "desc" }],
    select: {
      id: true,
      gist: true,
      answered: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      pausedMs: true,
      paperOverrides: true,
      meeting: { select: { id: true, number: true, title: true, scheduledAt: true } },
      paper: { select: shownPaperSelect },
    },
  });
  return rows.map((r) => ({ ...r, paper: showPaper(r.paper, r.paperOverrides) }));
}

/** When the group's meetings that had readers took place (for streaks). */
export async function listGroupMeetingTimes(groupId: string): Promise<Date[]> {
  const rows = await db.meeting.findMany({
    where: { groupId, ...held, readings: { some: {} } },
    select: { scheduledAt: true },
  });
  return rows.map((m) => m.scheduledAt);
}
