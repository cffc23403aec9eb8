// Demo data for a first look around: one study group with an owner, an admin and two members, a
// finished meeting (three readers with full summaries, recap done, minutes published) and an
// upcoming one, so every screen has something on it. Safe to run again: it updates what is there
// instead of duplicating it. Runs while `npm run dev` does (SQLite waits for the app's writes).
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "../lib/db-client";
import { hashPassword } from "../lib/auth/password";
import { resolveDatabaseUrl } from "./database-url.mjs";
import { answeredCount } from "../lib/readings/schema";

export const DEMO_PASSWORD = "yomikai-demo";
export const DEMO_GROUP = { slug: "demo-reading-club", name: "Demo 論文読み会" };
export const DEMO_USERS = [
  { email: "owner@demo.yomikai.test", name: "Wakana Sato", role: "OWNER", locale: "ja" },
  { email: "admin@demo.yomikai.test", name: "Kenji Mori", role: "ADMIN", locale: "ja" },
  { email: "reader@demo.yomikai.test", name: "Alex Chen", role: "MEMBER", locale: "en" },
  { email: "reader2@demo.yomikai.test", name: "Yui Takahashi", role: "MEMBER", locale: "ja" },
] as const;

async function main() {
  // Demo accounts with a published password must never reach a real deployment.
  if (process.env.NODE_ENV === "production" && process.env.SEED_ALLOW_PRODUCTION !== "1") {
    console.error(
      "Refusing to seed demo data with NODE_ENV=production: it creates accounts with a known password. " +
        "Seed a development database instead (unset NODE_ENV), or set SEED_ALLOW_PRODUCTION=1 for a throwaway demo server.",
    );
    process.exit(1);
  }
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  // A long busy timeout: with the dev server open, SQLite lets one writer in at a time.
  const db = createPrismaClient(url, { timeoutMs: 20_000 });
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const group = await db.group.upsert({
    where: { slug: DEMO_GROUP.slug },
    update: {},
    create: DEMO_GROUP,
    select: { id: true },
  });
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: { passwordHash },
      create: { email: u.email, name: u.name, locale: u.locale, passwordHash },
      select: { id: true },
    });
    await db.membership.upsert({
      where: { groupId_userId: { groupId: group.id, userId: user.id } },
      update: { role: u.role },
      create: { groupId: group.id, userId: user.id, role: u.role },
    });
  }
  await seedMeetings(db, group.id);
  await db.$disconnect();
  console.log(`Demo group "${DEMO_GROUP.name}" at /ja/groups/${DEMO_GROUP.slug}. Sign in as:`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.email.padEnd(28)} ${u.role.padEnd(7)} password: ${DEMO_PASSWORD}`);
}

type Db = ReturnType<typeof createPrismaClient>;

/** Three papers read in the finished meeting, with what each reader wrote. */
const DEMO_READINGS = [
  {
    reader: "owner@demo.yomikai.test",
    paper: {
      arxivId: "1706.03762",
      title: "Attention Is All You Need",
      authors: [
        "Ashish Vaswani",
        "Noam Shazeer",
        "Niki Parmar",
        "Jakob Uszkoreit",
        "Llion Jones",
        "Aidan N. Gomez",
        "Łukasz Kaiser",
        "Illia Polosukhin",
      ],
      year: 2017,
      primaryCategory: "cs.CL",
    },
    answers: {
      gist: "再帰も畳み込みも使わず、注意機構だけで系列変換を行う Transformer を提案。",
      whatIsIt:
        "- 機械翻訳のための encoder-decoder モデル Transformer\n- 自己注意だけで系列全体の依存関係を扱う",
      novelty: "- RNN/CNN を完全に捨て、並列に学習できる\n- 学習時間が大幅に短い",
      keyTechnique:
        "- Scaled dot-product attention と multi-head attention\n- 位置エンコーディング（正弦波）",
      validation:
        "- WMT 2014 英独・英仏翻訳で BLEU 28.4 / 41.8\n- 構文解析にも転用して有効性を確認",
      discussion:
        "- 系列長の二乗の計算量は長文でどう効くのか\n- 位置エンコーディングの選び方の影響",
      nextPapers: "- arXiv:1810.04805 (BERT)",
    },
  },
  {
    reader: "reader@demo.yomikai.test",
    paper: {
      arxivId: "2304.13705",
      title: "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
      authors: ["Tony Z. Zhao", "Vikash Kumar", "Sergey Levine", "Chelsea Finn"],
      year: 2023,
      primaryCategory: "cs.RO",
    },
    answers: {
      gist: "A low-cost teleoperation rig (ALOHA) plus Action Chunking with Transformers learns fine bimanual tasks from 50 demos.",
      whatIsIt:
        "- ALOHA: a cheap bimanual teleoperation system\n- ACT: a policy that predicts chunks of future actions",
      novelty:
        "- Predicting action sequences reduces compounding errors\n- Hardware under $20k reaching fine-grained tasks",
      keyTechnique:
        "- CVAE-trained transformer over action chunks\n- Temporal ensembling of overlapping chunks",
      validation:
        "- Six real tasks (e.g. opening a cup, inserting a battery) at 80–90% success\n- Ablations on chunk size",
      discussion: "- How far does imitation from 50 demos generalise to new objects?",
      nextPapers: "- arXiv:2303.04137 (Diffusion Policy)",
    },
  },
  {
    reader: "reader2@demo.yomikai.test",
    paper: {
      arxivId: "2006.11239",
      title: "Denoising Diffusion Probabilistic Models",
      authors: ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"],
      year: 2020,
      primaryCategory: "cs.LG",
    },
    answers: {
      gist: "ノイズを少しずつ除去する拡散モデルで、GAN に匹敵する画像生成を実現。",
      whatIsIt: "- 拡散過程を逆にたどって画像を生成する確率モデル",
      novelty:
        "- ノイズ予測として学習目標を簡単にした\n- 変分下界と denoising score matching の対応",
      keyTechnique: "- 固定の分散スケジュールを持つ forward process\n- U-Net でノイズ ε を予測",
      validation: "- CIFAR-10 で FID 3.17、Inception score 9.46",
      discussion: "- サンプリングに 1000 ステップかかる点は実用上重い",
      nextPapers: "- arXiv:2010.02502 (DDIM)",
    },
  },
] as const;

async function seedMeetings(db: Db, groupId: string) {
  const users = new Map(
    (
      await db.user.findMany({
        where: { email: { in: DEMO_USERS.map((u) => u.email) } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  );
  const owner = users.get("owner@demo.yomikai.test")!;
  const day = 24 * 60 * 60_000;
  const heldAt = new Date(Date.now() - 7 * day);
  heldAt.setUTCHours(10, 0, 0, 0); // 19:00 in Tokyo
  const finished = await db.meeting.upsert({
    where: { groupId_number: { groupId, number: 1 } },
    update: {},
    create: {
      groupId,
      number: 1,
      title: "第1回 論文読み会",
      scheduledAt: heldAt,
      facilitatorId: owner,
      phase: "CLOSED",
      readingStartedAt: heldAt,
      recapStartedAt: new Date(heldAt.getTime() + 55 * 60_000),
      closedAt: new Date(heldAt.getTime() + 70 * 60_000),
      closingRemarks:
        "次回は BERT と Diffusion Policy を読みます。 / Next time: BERT and Diffusion Policy.",
      minutesToken: randomBytes(24).toString("base64url"),
      minutesPublishedAt: new Date(heldAt.getTime() + 75 * 60_000),
    },
    select: { id: true },
  });
  const order: string[] = [];
  for (const [i, r] of DEMO_READINGS.entries()) {
    const { authors, ...fields } = r.paper;
    const paper = await db.paper.upsert({
      where: { arxivId: r.paper.arxivId },
      update: {},
      create: {
        ...fields,
        authors: JSON.stringify(authors),
        url: `https://arxiv.org/abs/${r.paper.arxivId}`,
      },
      select: { id: true },
    });
    const startedAt = new Date(heldAt.getTime() + i * 60_000);
    const answers = r.answers;
    const reading = await db.reading.upsert({
      where: { meetingId_userId: { meetingId: finished.id, userId: users.get(r.reader)! } },
      update: {},
      create: {
        meetingId: finished.id,
        userId: users.get(r.reader)!,
        paperId: paper.id,
        durationMs: 50 * 60_000,
        startedAt,
        finishedAt: new Date(startedAt.getTime() + 48 * 60_000),
        timeUpAt: new Date(startedAt.getTime() + 50 * 60_000),
        ...answers,
        timeUpSnapshot: JSON.stringify(answers),
        answered: answeredCount(answers),
        version: 12,
        lastSavedAt: new Date(startedAt.getTime() + 48 * 60_000),
        presentedMs: 95_000 + i * 10_000,
      },
      select: { id: true },
    });
    order.push(reading.id);
  }
  await db.meeting.update({
    where: { id: finished.id },
    data: { recapOrder: JSON.stringify(order), recapIndex: order.length },
  });

  const next = new Date(heldAt.getTime() + 14 * day);
  await db.meeting.upsert({
    where: { groupId_number: { groupId, number: 2 } },
    update: {},
    create: {
      groupId,
      number: 2,
      title: "第2回 論文読み会",
      scheduledAt: next,
      facilitatorId: users.get("admin@demo.yomikai.test")!,
    },
  });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const url = process.env.DATABASE_URL ?? "";
  console.error(`\n✖ Seeding the demo data failed: ${message}\n`);
  console.error(
    url.startsWith("postgres")
      ? "PostgreSQL: check that the server in DATABASE_URL is running, the database exists and the user may write to it; then run `npm run db:seed` again."
      : "SQLite: another program may hold the database file's write lock for longer than 20 s. Wait for it (or stop `npm run dev`) and run `npm run db:seed` again; if the file is damaged, delete .data/yomikai.db and start over.",
  );
  process.exit(1);
});
