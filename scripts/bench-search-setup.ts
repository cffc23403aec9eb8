// The search benchmark's world, added to the bench database's group "bench": 10,000 readings
// (200 past meetings × 50 readers) of papers with realistic Japanese and English titles, abstracts,
// gists and answers, made by a fixed pseudo-random sequence so every run searches the same text.
// Beside it, the rest of a company's instance: 19 other groups of 50 people each, 4 meetings
// apiece, reading the same kinds of papers, so a search is measured among other groups' accounts
// and texts that match it too, as it would run on a shared server (the archive once read slower
// beside a thousand other accounts, and only a whole bench run, after its capacity part, showed it).
// The database's triggers index them as they are written, as they would any reading.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../lib/db-client";

const MEETINGS = Number(process.argv[2] ?? 200);
const OTHER_GROUPS = 19;
const OTHER_MEMBERS = 50;
const OTHER_MEETINGS = 4;
const db = createPrismaClient(process.env.DATABASE_URL!);

let seed = 20261206;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// A vocabulary as wide as a few years of a lab's reading: fields, methods, data sets and results
// in both languages, combined so that a common word turns up in some readings, not in all.
const fieldsEn = [
  "diffusion models",
  "imitation learning",
  "object detection",
  "vision transformers",
  "reinforcement learning",
  "self-supervised learning",
  "large language models",
  "robot manipulation",
  "speech recognition",
  "graph neural networks",
  "neural radiance fields",
  "contrastive learning",
  "knowledge distillation",
  "retrieval-augmented generation",
  "mixture of experts",
  "semantic segmentation",
  "depth estimation",
  "optical flow",
  "text-to-image generation",
  "protein folding",
  "time series forecasting",
  "recommender systems",
  "federated learning",
  "model compression",
  "adversarial robustness",
  "program synthesis",
  "visual question answering",
  "pose estimation",
  "video understanding",
  "point cloud registration",
];
const methodsEn = [
  "ResNet",
  "ViT",
  "CLIP",
  "DINO",
  "MAE",
  "BERT",
  "GPT",
  "T5",
  "LoRA",
  "PPO",
  "SAC",
  "DDPM",
  "DDIM",
  "U-Net",
  "YOLO",
  "DETR",
  "Mask R-CNN",
  "NeRF",
  "Gaussian splatting",
  "Mamba",
  "RWKV",
  "PointNet",
  "GraphSAGE",
  "MoCo",
  "SimCLR",
  "BYOL",
  "Chinchilla",
  "LLaMA",
  "Flamingo",
  "SAM",
];
const datasetsEn = [
  "ImageNet",
  "COCO",
  "ADE20K",
  "KITTI",
  "nuScenes",
  "LibriSpeech",
  "SQuAD",
  "GLUE",
  "MMLU",
  "HumanEval",
  "Atari",
  "MuJoCo",
  "ScanNet",
  "Cityscapes",
  "Kinetics",
  "WMT",
  "CIFAR-100",
  "LAION",
];
const claimsEn = [
  "outperforms the baseline",
  "needs far fewer labels",
  "scales to billions of parameters",
  "runs in real time on a laptop GPU",
  "halves the training cost",
  "fails on out-of-distribution inputs",
  "is sensitive to the learning rate",
  "closes most of the gap to supervised training",
  "beats prior work by a small margin",
  "is simple to reimplement",
];
const fieldsJa = [
  "拡散モデル",
  "模倣学習",
  "物体検出",
  "強化学習",
  "自己教師あり学習",
  "大規模言語モデル",
  "双腕ロボット",
  "音声認識",
  "グラフニューラルネットワーク",
  "知識蒸留",
  "検索拡張生成",
  "意味的領域分割",
  "対照学習",
  "深度推定",
  "姿勢推定",
  "動画理解",
  "点群処理",
  "時系列予測",
  "推薦システム",
  "連合学習",
  "モデル圧縮",
  "敵対的頑健性",
  "プログラム合成",
  "画像生成",
  "機械翻訳",
  "異常検知",
  "少数ショット学習",
  "継続学習",
];
const claimsJa = [
  "で精度が {n} ポイント上がる",
  "の計算量を {n} 割減らす",
  "を少ないデータで学習できる",
  "を実機で検証した",
  "の弱点は透明な物体",
  "は従来手法より {n} 倍速い",
  "の評価指標に疑問が残る",
  "はハイパーパラメータに敏感",
  "の再現実装は簡単そう",
  "で {n} 件のデモから学ぶ",
];

const number = () => String(2 + Math.floor(random() * 98));
const bullet = () => {
  if (random() < 0.55)
    return `- ${pick(fieldsJa)}${pick(claimsJa).replace("{n}", number())}（${pick(methodsEn)}）`;
  return `- ${pick(methodsEn)} ${pick(claimsEn)} on ${pick(datasetsEn)} (${number()} %)`;
};
const answer = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, bullet).join("\n");

async function main() {
  const group = await db.group.findUniqueOrThrow({
    where: { slug: "bench" },
    select: { id: true },
  });
  const members = await db.membership.findMany({
    where: { groupId: group.id },
    select: { userId: true },
    take: 50,
  });
  const papers = Array.from({ length: 3000 }, (_, i) => ({
    id: randomUUID(),
    title: `${pick(methodsEn)} for ${pick(fieldsEn)}: ${pick(claimsEn)} (${i})`,
    authors: JSON.stringify(["A. Author", "B. Author"]),
    abstract: Array.from(
      { length: 4 },
      () =>
        `We study ${pick(fieldsEn)} with ${pick(methodsEn)}: it ${pick(claimsEn)} on ${pick(datasetsEn)}.`,
    ).join(" "),
    primaryCategory: pick(["cs.CV", "cs.LG", "cs.RO", "cs.CL"]),
  }));
  for (let i = 0; i < papers.length; i += 500)
    await db.paper.createMany({ data: papers.slice(i, i + 500) });
  const start = Date.UTC(2022, 0, 3, 10);
  const holdMeetings = async (groupId: string, readers: string[], count: number, first: number) => {
    for (let m = 0; m < count; m++) {
      const meeting = await db.meeting.create({
        data: {
          groupId,
          number: first + m,
          title: "",
          scheduledAt: new Date(start + m * 7 * 24 * 60 * 60_000),
          facilitatorId: readers[0]!,
          phase: "CLOSED",
        },
        select: { id: true },
      });
      await db.reading.createMany({
        data: readers.map((userId) => ({
          meetingId: meeting.id,
          userId,
          paperId: pick(papers).id,
          durationMs: 50 * 60_000,
          gist: `${pick(fieldsJa)}${pick(claimsJa).replace("{n}", number())}`,
          whatIsIt: answer(2, 5),
          novelty: answer(1, 4),
          keyTechnique: answer(2, 6),
          validation: answer(1, 4),
          discussion: answer(1, 3),
          nextPapers: answer(0, 2),
          answered: 6,
        })),
      });
    }
  };
  await holdMeetings(
    group.id,
    members.map((m) => m.userId),
    MEETINGS,
    1000,
  );
  const tag = randomUUID().slice(0, 8);
  for (let g = 0; g < OTHER_GROUPS; g++) {
    const people = Array.from({ length: OTHER_MEMBERS }, (_, i) => ({
      id: randomUUID(),
      email: `search-${tag}-${g}-${i}@bench.test`,
      name: `${pick(["Aoki", "Baba", "Chiba", "Endo", "Fujita", "Goto"])} ${g}-${i}`,
    }));
    await db.user.createMany({ data: people });
    const other = await db.group.create({
      data: {
        name: `Other ${g}`,
        slug: `search-${tag}-${g}`,
        memberships: { createMany: { data: people.map((p) => ({ userId: p.id })) } },
      },
      select: { id: true },
    });
    await holdMeetings(
      other.id,
      people.map((p) => p.id),
      OTHER_MEETINGS,
      1,
    );
  }
  // A database that has lived with its data has been vacuumed and analysed (autovacuum does both
  // after a bulk write): statistics for the planner, index entries merged. Searching right after
  // writing 10,000 rows would measure a planner guessing blind.
  if (process.env.DATABASE_URL!.startsWith("postgres"))
    await db.$executeRawUnsafe("VACUUM ANALYZE");
  await db.$disconnect();
  process.stdout.write(
    JSON.stringify({
      readings: MEETINGS * members.length,
      otherReadings: OTHER_GROUPS * OTHER_MEMBERS * OTHER_MEETINGS,
      otherAccounts: OTHER_GROUPS * OTHER_MEMBERS,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
