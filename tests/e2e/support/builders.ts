// Test data, made straight in the database: each test makes its own users, groups, meetings and
// readings, so tests run in parallel without sharing state. Specs use these instead of Prisma.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../../lib/auth/password";
import { testDb } from "./db";

export const PASSWORD = "correct-horse-42";

export type TestUser = { id: string; email: string; name: string; password: string };

let passwordHash: Promise<string> | undefined;

export function uniqueId(): string {
  return randomBytes(5).toString("hex");
}

export async function makeUser(
  opts: { name?: string; locale?: "ja" | "en" } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const id = uniqueId();
  const email = `user-${id}@example.test`;
  const name = opts.name ?? `Reader ${id}`;
  const user = await testDb().user.create({
    data: { email, name, passwordHash: await passwordHash, locale: opts.locale ?? "en" },
    select: { id: true },
  });
  return { id: user.id, email, name, password: PASSWORD };
}

export async function makeGroup(ownerId: string, name = `Group ${uniqueId()}`) {
  const slug = `g-${uniqueId()}`;
  await testDb().group.create({
    data: { name, slug, memberships: { create: { userId: ownerId, role: "OWNER" } } },
    select: { id: true },
  });
  return { name, slug };
}

export async function addMember(
  slug: string,
  userId: string,
  role: "OWNER" | "ADMIN" | "MEMBER" = "MEMBER",
) {
  const group = await testDb().group.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await testDb().membership.create({
    data: { groupId: group.id, userId, role },
    select: { id: true },
  });
}

async function groupIdOf(slug: string): Promise<string> {
  return (await testDb().group.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

export async function makeMeeting(
  groupSlug: string,
  facilitatorId: string,
  number = 1,
  opts: {
    phase?: "PLANNED" | "READING" | "RECAP" | "CLOSED";
    title?: string;
    scheduledAt?: Date;
  } = {},
) {
  return testDb().meeting.create({
    data: {
      groupId: await groupIdOf(groupSlug),
      number,
      title: opts.title ?? `Session ${number}`,
      scheduledAt: opts.scheduledAt ?? new Date(),
      facilitatorId,
      ...(opts.phase ? { phase: opts.phase } : {}),
    },
    select: { id: true, number: true },
  });
}

/** Another reader in an existing meeting, started `startedAgoMs` ago. */
export async function addReading(
  meetingId: string,
  userId: string,
  opts: { startedAgoMs: number },
): Promise<string> {
  const paper = await testDb().paper.create({
    data: { title: `Paper ${uniqueId()}` },
    select: { id: true },
  });
  const reading = await testDb().reading.create({
    data: {
      meetingId,
      userId,
      paperId: paper.id,
      durationMs: 50 * 60_000,
      startedAt: new Date(Date.now() - opts.startedAgoMs),
    },
    select: { id: true },
  });
  return reading.id;
}

/** A reading's answers, version and time-up snapshot, as saved. */
export async function savedReading(readingId: string) {
  return testDb().reading.findUniqueOrThrow({
    where: { id: readingId },
    select: {
      whatIsIt: true,
      novelty: true,
      keyTechnique: true,
      validation: true,
      discussion: true,
      nextPapers: true,
      gist: true,
      version: true,
      timeUpSnapshot: true,
    },
  });
}

/** Who is presenting in a meeting's recap (an index into its order), as saved. */
export async function recapIndex(meetingId: string): Promise<number> {
  const m = await testDb().meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { recapIndex: true },
  });
  return m.recapIndex;
}

/** How many readers a meeting has, as saved. */
export async function readingCount(meetingId: string): Promise<number> {
  return testDb().reading.count({ where: { meetingId } });
}

/** Moves a meeting to a phase behind the app's back (as another device or instance would). */
export async function setMeetingPhase(
  meetingId: string,
  phase: "PLANNED" | "READING" | "RECAP" | "CLOSED",
): Promise<void> {
  await testDb().meeting.update({
    where: { id: meetingId },
    data: { phase },
    select: { id: true },
  });
}

/** An invite link to a group, valid for `validMs` (negative: already expired). */
export async function makeInvite(groupSlug: string, createdById: string, validMs: number) {
  return testDb().invite.create({
    data: {
      groupId: await groupIdOf(groupSlug),
      createdById,
      token: `tok${uniqueId()}${uniqueId()}${uniqueId()}`,
      expiresAt: new Date(Date.now() + validMs),
    },
    select: { token: true },
  });
}

/** A meeting with `user` already reading a paper (started `startedAgoMs` ago), ready to summarise. */
export async function makeReading(
  user: TestUser,
  opts: { startedAgoMs?: number; started?: boolean } = {},
) {
  const group = await makeGroup(user.id);
  const meeting = await makeMeeting(group.slug, user.id, 1, { phase: "READING" });
  const paper = await testDb().paper.create({
    data: { title: `Paper ${uniqueId()}` },
    select: { id: true },
  });
  const reading = await testDb().reading.create({
    data: {
      meetingId: meeting.id,
      userId: user.id,
      paperId: paper.id,
      durationMs: 50 * 60_000,
      startedAt: opts.started === false ? null : new Date(Date.now() - (opts.startedAgoMs ?? 0)),
    },
    select: { id: true },
  });
  return {
    readingId: reading.id,
    meetingId: meeting.id,
    path: `/groups/${group.slug}/meetings/${meeting.number}`,
    groupSlug: group.slug,
  };
}

/**
 * Answers as long as the longest reader's in real minutes: 25 bullets in one answer, a handful in
 * the others, Japanese and English mixed.
 */
export const LONG_ANSWERS = {
  gist: "安価な双腕ロボットで、少数のデモから靴ひも通しのような細かい操作を学習する",
  whatIsIt: Array.from(
    { length: 25 },
    (_, i) =>
      `- 点 ${i + 1}: 行動を塊（chunk）で予測する ACT が、${i % 2 ? "camera views and joint positions" : "20 Hz の制御"}から次の動作列を出す`,
  ).join("\n"),
  novelty: [
    "- 2万ドル程度のハードウェアで、高価な産業用ロボットの作業に近づく",
    "- temporal ensembling smooths the predicted action chunks",
    "- 50 件のデモで 80–90 % の成功率",
  ].join("\n"),
  keyTechnique: [
    "- CVAE で行動列を生成し、推論時は潜在変数を平均に固定する",
    "- a transformer encoder over four camera images and the joints",
    "- チャンクの長さ k = 100 が最良",
    "- 予測を重ねて指数重みで平均する",
  ].join("\n"),
  validation: [
    "- 実機 6 タスク（スロット挿入、電池、カップ、靴ひも など）",
    "- simulated bimanual insertion and transfer tasks, against BC-ConvMLP, BeT, RT-1, VINN",
    "- 人のデモ 50 件",
  ].join("\n"),
  discussion: [
    "- 透明・柔らかい物体に弱い",
    "- how far does the action chunking idea carry to mobile manipulation?",
  ].join("\n"),
  nextPapers: "- Diffusion Policy arXiv:2303.04137\n- Mobile ALOHA arXiv:2401.02117",
};

/** A meeting in recap with three readers who wrote something, presenting in join order. */
export async function makeRecapMeeting(opts: { longFirst?: boolean } = {}) {
  const facilitator = await makeUser({ name: "Fumi Facilitator" });
  const readers: TestUser[] = [];
  const group = await makeGroup(facilitator.id);
  const meeting = await makeMeeting(group.slug, facilitator.id, 1, { phase: "RECAP" });
  const ids: string[] = [];
  for (const [i, name] of ["Aoi Presenter", "Ben Presenter", "Chika Presenter"].entries()) {
    const u = await makeUser({ name });
    readers.push(u);
    await addMember(group.slug, u.id);
    const paper = await testDb().paper.create({
      data: {
        title: `Paper ${"ABC"[i]} ${uniqueId()}`,
        authors: JSON.stringify(["A. Author", "B. Author"]),
        year: 2023,
      },
    });
    const r = await testDb().reading.create({
      data: {
        meetingId: meeting.id,
        userId: u.id,
        paperId: paper.id,
        durationMs: 50 * 60_000,
        startedAt: new Date(Date.now() - 60 * 60_000),
        finishedAt: new Date(),
        gist: `Gist of ${name}`,
        whatIsIt: `- ${name} read a paper\n  - with **nested** notes, \`inline code\` and [a link](https://example.org/)`,
        novelty: i === 1 ? "" : "- faster",
        ...(opts.longFirst && i === 0 ? LONG_ANSWERS : {}),
        createdAt: new Date(Date.now() - (3 - i) * 1000),
      },
      select: { id: true },
    });
    ids.push(r.id);
  }
  await testDb().meeting.update({
    where: { id: meeting.id },
    data: { recapOrder: JSON.stringify(ids) },
  });
  return {
    facilitator,
    readers,
    group,
    meetingId: meeting.id,
    path: `/groups/${group.slug}/meetings/1`,
  };
}

/** `userId` read the arXiv paper `arxivId` in an earlier, closed meeting of the group. */
export async function readArxivPaperBefore(
  groupSlug: string,
  userId: string,
  arxivId: string,
  meetingNumber: number,
): Promise<void> {
  const meeting = await makeMeeting(groupSlug, userId, meetingNumber, { phase: "CLOSED" });
  const paper =
    (await testDb().paper.findUnique({ where: { arxivId }, select: { id: true } })) ??
    (await testDb().paper.create({
      data: { title: `Typed title of ${arxivId}`, arxivId },
      select: { id: true },
    }));
  await testDb().reading.create({
    data: {
      meetingId: meeting.id,
      userId,
      paperId: paper.id,
      durationMs: 50 * 60_000,
      startedAt: new Date(Date.now() - 60 * 60_000),
      finishedAt: new Date(),
      gist: "Read before",
    },
    select: { id: true },
  });
}
