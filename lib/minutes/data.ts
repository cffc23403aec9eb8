// What the minutes are made of, read from the database: the meeting, its readers in presenting
// order, their papers (with each reader's corrections) and answers (now, or at time-up).
import "server-only";
import { db } from "@/lib/db";
import { parseStringList } from "@/lib/ids";
import { parseOverrides } from "@/lib/papers/display";
import { answerKeys, type AnswerKey } from "@/lib/readings/schema";
import type { MinutesPaper } from "./build";

export type MinutesSource = {
  meetingId: string;
  groupId: string;
  groupName: string;
  groupSlug: string;
  indexMinutes: boolean;
  zennPublication: string | null;
  number: number;
  title: string;
  phase: "PLANNED" | "READING" | "RECAP" | "CLOSED";
  scheduledAt: Date;
  remarks: string;
  remarksVersion: number;
  remarksSavedAt: Date | null;
  token: string | null;
  publishedAt: Date | null;
  initials: boolean;
  atTimeUp: boolean;
  /** When anything in the minutes last changed (answers, remarks, publishing). */
  changedAt: Date;
  readers: {
    readingId: string;
    name: string;
    paper: MinutesPaper & { primaryCategory: string | null; journalRef: string | null };
    gist: string;
    answers: { key: AnswerKey; text: string }[];
    startedAt: Date | null;
    finishedAt: Date | null;
    timeUpAt: Date | null;
    durationMs: number;
    presentedMs: number | null;
  }[];
};

const snapshotKeys = [...answerKeys, "gist"] as const;

function parseSnapshot(
  json: string | null,
): Partial<Record<(typeof snapshotKeys)[number], string>> {
  if (!json) return {};
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    return Object.fromEntries(
      snapshotKeys.flatMap((k) => (typeof raw[k] === "string" ? [[k, raw[k] as string]] : [])),
    );
  } catch {
    return {};
  }
}

export async function getMinutesSource(meetingId: string): Promise<MinutesSource | null> {
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      number: true,
      title: true,
      phase: true,
      scheduledAt: true,
      closingRemarks: true,
      remarksVersion: true,
      remarksSavedAt: true,
      minutesToken: true,
      minutesPublishedAt: true,
      minutesInitials: true,
      minutesAtTimeUp: true,
      recapOrder: true,
      updatedAt: true,
      group: {
        select: { id: true, name: true, slug: true, indexMinutes: true, zennPublication: true },
      },
      readings: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          gist: true,
          whatIsIt: true,
          novelty: true,
          keyTechnique: true,
          validation: true,
          discussion: true,
          nextPapers: true,
          timeUpSnapshot: true,
          startedAt: true,
          finishedAt: true,
          timeUpAt: true,
          durationMs: true,
          presentedMs: true,
          updatedAt: true,
          paperOverrides: true,
          user: { select: { name: true } },
          paper: {
            select: {
              title: true,
              authors: true,
              year: true,
              venue: true,
              arxivId: true,
              doi: true,
              url: true,
              codeUrl: true,
              primaryCategory: true,
              journalRef: true,
            },
          },
        },
      },
    },
  });
  if (!m) return null;
  // Presenting order when there was a recap; readers who joined later follow in join order.
  const order = parseStringList(m.recapOrder);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i === -1 ? order.length : i;
  };
  const readings = [...m.readings].sort((a, b) => rank(a.id) - rank(b.id));
  const changedAt = new Date(
    Math.max(
      m.updatedAt.getTime(),
      m.remarksSavedAt?.getTime() ?? 0,
      ...readings.map((r) => r.updatedAt.getTime()),
    ),
  );
  return {
    meetingId: m.id,
    groupId: m.group.id,
    groupName: m.group.name,
    groupSlug: m.group.slug,
    indexMinutes: m.group.indexMinutes,
    zennPublication: m.group.zennPublication,
    number: m.number,
    title: m.title,
    phase: m.phase,
    scheduledAt: m.scheduledAt,
    remarks: m.closingRemarks,
    remarksVersion: m.remarksVersion,
    remarksSavedAt: m.remarksSavedAt,
    token: m.minutesToken,
    publishedAt: m.minutesPublishedAt,
    initials: m.minutesInitials,
    atTimeUp: m.minutesAtTimeUp,
    changedAt,
    readers: readings.map((r) => {
      const o = parseOverrides(r.paperOverrides) ?? {};
      const snap = m.minutesAtTimeUp && r.timeUpSnapshot ? parseSnapshot(r.timeUpSnapshot) : null;
      const text = (k: (typeof snapshotKeys)[number]) => (snap ? (snap[k] ?? "") : r[k]);
      return {
        readingId: r.id,
        name: r.user.name,
        paper: {
          title: o.title ?? r.paper.title,
          authors: o.authors ?? parseStringList(r.paper.authors),
          year: o.year !== undefined ? o.year : r.paper.year,
          venue: r.paper.venue,
          arxivId: r.paper.arxivId,
          doi: r.paper.doi,
          url: o.url !== undefined ? o.url : r.paper.url,
          codeUrl: r.paper.codeUrl,
          primaryCategory: r.paper.primaryCategory,
          journalRef: r.paper.journalRef,
        },
        gist: text("gist"),
        answers: answerKeys.map((key) => ({ key, text: text(key) })),
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        timeUpAt: r.timeUpAt,
        durationMs: r.durationMs,
        presentedMs: r.presentedMs,
      };
    }),
  };
}

/** The meeting whose minutes are published under `token`, or null (never published, or taken down). */
export async function findPublishedMeeting(token: string): Promise<string | null> {
  const m = await db.meeting.findUnique({ where: { minutesToken: token }, select: { id: true } });
  return m?.id ?? null;
}
