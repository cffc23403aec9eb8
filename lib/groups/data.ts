import "server-only";
import type { Tx } from "./access";
import { db, Prisma } from "@/lib/db";
import { rawBoolean, rawDate, rawNumber } from "@/lib/raw-values";
import type { GroupRole } from "./schema";

export type GroupSummary = {
  id: string;
  name: string;
  slug: string;
  role: GroupRole;
  memberCount: number;
};

export async function listGroupsForUser(userId: string): Promise<GroupSummary[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { group: { name: "asc" } },
    select: {
      role: true,
      group: {
        select: { id: true, name: true, slug: true, _count: { select: { memberships: true } } },
      },
    },
  });
  return rows.map((r) => ({
    id: r.group.id,
    name: r.group.name,
    slug: r.group.slug,
    role: r.role,
    memberCount: r.group._count.memberships,
  }));
}

export type GroupForMember = {
  id: string;
  name: string;
  slug: string;
  readingMinutes: number;
  recapSoftSeconds: number;
  recapHardSeconds: number;
  indexMinutes: boolean;
  zennPublication: string | null;
  role: GroupRole;
  membershipId: string;
  /** The member's own calendar feed token, once they have made a feed (read with the group). */
  calendarToken: string | null;
};

/** The group behind a slug, only when the user is a member of it (null otherwise). */
/** The group `slug` for a member of it (null otherwise), in one statement. */
export async function getGroupForMember(
  slug: string,
  userId: string,
): Promise<GroupForMember | null> {
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      slug: string;
      readingMinutes: unknown;
      recapSoftSeconds: unknown;
      recapHardSeconds: unknown;
      indexMinutes: unknown;
      zennPublication: string | null;
      role: GroupRole;
      membershipId: string;
      calendarToken: string | null;
    }[]
  >(
    Prisma.sql`SELECT g."id", g."name", g."slug", g."readingMinutes", g."recapSoftSeconds",
        g."recapHardSeconds", g."indexMinutes", g."zennPublication", ms."role",
        ms."id" AS "membershipId", ms."calendarToken"
      FROM "Membership" ms JOIN "Group" g ON g."id" = ms."groupId"
      WHERE ms."userId" = ${userId} AND g."slug" = ${slug}`,
  );
  const g = rows[0];
  if (!g) return null;
  return {
    ...g,
    readingMinutes: rawNumber(g.readingMinutes),
    recapSoftSeconds: rawNumber(g.recapSoftSeconds),
    recapHardSeconds: rawNumber(g.recapHardSeconds),
    indexMinutes: rawBoolean(g.indexMinutes),
  };
}

export type MemberRow = {
  id: string;
  role: GroupRole;
  createdAt: Date;
  user: { id: string; name: string; email: string | null };
};

/** The group's members, oldest first; their emails only for those who manage members (`withEmails`). */
export async function listMembers(
  groupId: string,
  { withEmails = false } = {},
): Promise<MemberRow[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      role: GroupRole;
      createdAt: unknown;
      userId: string;
      name: string;
      email: string | null;
    }[]
  >(
    Prisma.sql`SELECT ms."id", ms."role", ms."createdAt", u."id" AS "userId", u."name",
        ${withEmails ? Prisma.sql`u."email"` : Prisma.sql`NULL`} AS "email"
      FROM "Membership" ms JOIN "User" u ON u."id" = ms."userId"
      WHERE ms."groupId" = ${groupId}
      ORDER BY ms."createdAt" ASC, ms."id" ASC`,
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    createdAt: rawDate(r.createdAt),
    user: { id: r.userId, name: r.name, email: r.email },
  }));
}

export function listInvites(groupId: string, now = new Date()) {
  return db.invite.findMany({
    where: { groupId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      token: true,
      expiresAt: true,
      uses: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

export type InviteView =
  | {
      status: "valid";
      groupName: string;
      groupSlug: string;
      alreadyMember: boolean;
      /** The meeting the link is for, when it names one of the group's meetings. */
      meeting: { number: number; title: string; scheduledAt: Date; closed: boolean } | null;
    }
  | { status: "expired" | "revoked"; groupName: string; owners: string[] }
  | { status: "unknown" };

export async function getInviteView(
  token: string,
  userId: string | null,
  meetingNumber: number | null = null,
  now = new Date(),
): Promise<InviteView> {
  const invite = await db.invite.findUnique({
    where: { token },
    select: {
      expiresAt: true,
      revokedAt: true,
      groupId: true,
      group: {
        select: {
          name: true,
          slug: true,
          memberships: {
            where: { role: "OWNER" },
            orderBy: { createdAt: "asc" },
            select: { user: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!invite) return { status: "unknown" };
  if (invite.revokedAt || invite.expiresAt <= now)
    return {
      status: invite.revokedAt ? "revoked" : "expired",
      groupName: invite.group.name,
      owners: invite.group.memberships.map((m) => m.user.name),
    };
  const [alreadyMember, meeting] = await Promise.all([
    userId
      ? db.membership
          .count({ where: { groupId: invite.groupId, userId } })
          .then((count) => count > 0)
      : false,
    meetingNumber
      ? db.meeting.findUnique({
          where: { groupId_number: { groupId: invite.groupId, number: meetingNumber } },
          select: { number: true, title: true, scheduledAt: true, phase: true },
        })
      : null,
  ]);
  return {
    status: "valid",
    groupName: invite.group.name,
    groupSlug: invite.group.slug,
    alreadyMember,
    meeting: meeting
      ? {
          number: meeting.number,
          title: meeting.title,
          scheduledAt: meeting.scheduledAt,
          closed: meeting.phase === "CLOSED",
        }
      : null,
  };
}

/** How long a shared meeting link stays usable at least, and how long a new one is made for. */
export const MEETING_LINK_MIN_MS = 12 * 60 * 60_000;
export const MEETING_LINK_MS = 2 * 24 * 60 * 60_000;

/** A group invite that will still work for the rest of a meeting (for its shared link). */
export async function usableInviteToken(
  groupId: string,
  now = new Date(),
  client: Pick<Tx, "invite"> = db,
): Promise<string | null> {
  const invite = await client.invite.findFirst({
    where: {
      groupId,
      revokedAt: null,
      expiresAt: { gt: new Date(now.getTime() + MEETING_LINK_MIN_MS) },
    },
    orderBy: { expiresAt: "desc" },
    select: { token: true },
  });
  return invite?.token ?? null;
}
