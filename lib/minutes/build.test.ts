import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja.json";
import {
  buildMinutes,
  formatReference,
  initialsName,
  minutesMarkdown,
  withImages,
  type MinutesPaper,
} from "./build";

const arxivPaper = (
  arxivId: string,
  title: string,
  authors: string[],
  year: number,
): MinutesPaper => ({
  title,
  authors,
  year,
  venue: null,
  arxivId,
  doi: null,
  url: null,
  codeUrl: null,
});

const aloha = {
  ...arxivPaper(
    "2304.13705",
    "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
    ["Tony Z. Zhao", "Vikash Kumar", "Sergey Levine", "Chelsea Finn"],
    2023,
  ),
  codeUrl: "https://github.com/tonyzhaozh/act",
};
const yolo = arxivPaper(
  "2207.02696",
  "YOLOv7: Trainable bag-of-freebies sets new state-of-the-art for real-time object detectors",
  ["Chien-Yao Wang", "Alexey Bochkovskiy", "Hong-Yuan Mark Liao"],
  2022,
);
const stream = arxivPaper(
  "2312.12491",
  "StreamDiffusion: A Pipeline-level Solution for Real-time Interactive Generation",
  [
    "Akio Kodaira",
    "Chenfeng Xu",
    "Toshiki Hazama",
    "Takanori Yoshimoto",
    "Kohei Ohno",
    "Shogo Mitsuhori",
    "Soichi Sugano",
    "Hanying Cho",
    "Zhijian Liu",
    "Kurt Keutzer",
  ],
  2023,
);

const labels = {
  session: "第9回",
  participants: "参加者 4 名",
  overview: ja.minutes.overview,
  remarks: ja.minutes.remarks,
  references: ja.minutes.references,
  code: ja.minutes.code,
  questions: Object.fromEntries(
    Object.entries(ja.questions).map(([k, v]) => [k, v.label]),
  ) as Record<keyof typeof ja.questions, string>,
};

describe("the minutes", () => {
  it("of three readers match the published shape: overview, sections, references", () => {
    const minutes = buildMinutes({
      title: "2024/01/25 論文読み勉強会",
      subtitle: `${labels.session} · ${labels.participants}`,
      remarks: "今回はロボット・検出・生成と分野が分かれて面白かった。\n",
      labels,
      readers: [
        {
          name: initialsName("Wataru Sato", "ja"),
          paper: aloha,
          gist: "安価な双腕ロボットで、少数のデモから細かい操作を学習する。",
          answers: [
            {
              key: "whatIsIt",
              text: "- 2万ドル程度の双腕ロボット ALOHA\n- 行動を塊（chunk）で予測する ACT",
            },
            {
              key: "novelty",
              text: "- 高価なハードウェアなしで、靴ひもを通すような細かい作業ができる",
            },
            { key: "keyTechnique", text: "   " },
            { key: "nextPapers", text: "- Diffusion Policy arXiv:2303.04137" },
          ],
        },
        {
          name: initialsName("kenji", "ja"),
          paper: yolo,
          gist: "推論コストを増やさない学習時の工夫で、リアルタイム物体検出の精度を上げる。",
          answers: [
            {
              key: "whatIsIt",
              text: "リアルタイム物体検出器。[2]より引用した図のとおり、速度と精度の両方で既存手法を上回る。",
            },
            { key: "validation", text: "MS COCO で評価。" },
          ],
        },
        {
          name: initialsName("Saki", "ja"),
          paper: stream,
          gist: "拡散モデルの生成をパイプライン化してリアルタイムにする。",
          answers: [
            { key: "whatIsIt", text: "- バッチ化したデノイズ\n- 確率的類似度フィルタ" },
            { key: "discussion", text: "品質と速度のトレードオフ。" },
          ],
        },
      ],
    });
    const expected = readFileSync(
      join(process.cwd(), "tests/fixtures/minutes/three-readers.ja.md"),
      "utf8",
    );
    expect(minutesMarkdown(minutes)).toBe(expected);
  });

  it("numbers a paper read twice once, in order of first appearance", () => {
    const m = buildMinutes({
      title: "t",
      subtitle: "s",
      remarks: "",
      labels,
      readers: [yolo, aloha, yolo].map((paper) => ({ name: "A", paper, gist: "", answers: [] })),
    });
    expect(m.readers.map((r) => r.ref)).toEqual([1, 2, 1]);
    expect(m.references.map((r) => r.n)).toEqual([1, 2]);
  });

  it("formats DOI and URL references", () => {
    expect(
      formatReference(2, {
        title: "Deep learning",
        authors: ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"],
        year: 2015,
        venue: "Nature",
        arxivId: null,
        doi: "10.1038/nature14539",
        url: "https://doi.org/10.1038/nature14539",
        codeUrl: null,
      }),
    ).toBe(
      "[2] Yann LeCun, Yoshua Bengio, Geoffrey Hinton. (2015). Deep learning. Nature. https://doi.org/10.1038/nature14539",
    );
    expect(
      formatReference(3, {
        title: "Is this a blog post?",
        authors: [],
        year: null,
        venue: null,
        arxivId: null,
        doi: null,
        url: "https://example.org/post",
        codeUrl: null,
      }),
    ).toBe("[3] Is this a blog post? Available: https://example.org/post");
  });

  it("writes initials in both languages", () => {
    expect(initialsName("wataru Sato", "ja")).toBe("Wさん");
    expect(initialsName("Wataru Sato", "en")).toBe("W-san");
    expect(initialsName("渡辺 太郎", "ja")).toBe("渡さん");
  });
});

describe("figures quoted from the papers", () => {
  const paper = (title: string, arxivId: string) => ({
    title,
    authors: ["A. Author"],
    year: 2023,
    venue: null,
    arxivId,
    doi: null,
    url: null,
    codeUrl: null,
  });
  const labels = {
    session: "Session 1",
    participants: "2 participants",
    overview: "Overview",
    remarks: "Remarks",
    references: "References",
    code: "Code",
    questions: {
      whatIsIt: "What is it?",
      novelty: "Novel?",
      keyTechnique: "Key technique?",
      validation: "Validated?",
      discussion: "Discuss?",
      nextPapers: "Next?",
    },
  };

  it("credit the reader's paper by its number in the minutes, whatever it was when quoted", () => {
    const m = buildMinutes({
      title: "t",
      subtitle: "s",
      remarks: "",
      labels,
      readers: [
        { name: "B", paper: paper("Second", "2"), gist: "", answers: [] },
        {
          name: "A",
          paper: paper("First", "1"),
          gist: "",
          // Quoted while A was first to join; B presented first.
          answers: [{ key: "keyTechnique", text: "![f](/api/images/x1)\n[1]より引用" }],
        },
      ],
    });
    expect(m.readers[1]!.answers[0]!.text).toBe("![f](/api/images/x1)\n[2]より引用");
  });

  it("can point their images elsewhere: an export's files, the public link", () => {
    const m = buildMinutes({
      title: "t",
      subtitle: "s",
      remarks: "",
      labels,
      readers: [
        {
          name: "A",
          paper: paper("First", "1"),
          gist: "",
          answers: [{ key: "whatIsIt", text: "![f](/api/images/x1) ![g](/api/images/gone)" }],
        },
      ],
    });
    const shown = withImages(m, (id) => (id === "x1" ? `images/${id}.png` : null));
    expect(shown.readers[0]!.answers[0]!.text).toBe("![f](images/x1.png) ![g](/api/images/gone)");
    expect(minutesMarkdown(shown)).toContain("![f](images/x1.png)");
  });
});
