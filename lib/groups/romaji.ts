// Japanese group names read aloud in Latin letters, for their URL: kana by Hepburn, and the kanji
// words study groups use most (論文 ronbun, 輪読 rindoku, 機械学習 kikai-gakushu…). Unknown kanji
// are left out; what remains is for slugify. Pure and small: the create-group form uses it live.

const KANA: Record<string, string> = {
  あ: "a",
  い: "i",
  う: "u",
  え: "e",
  お: "o",
  か: "ka",
  き: "ki",
  く: "ku",
  け: "ke",
  こ: "ko",
  が: "ga",
  ぎ: "gi",
  ぐ: "gu",
  げ: "ge",
  ご: "go",
  さ: "sa",
  し: "shi",
  す: "su",
  せ: "se",
  そ: "so",
  ざ: "za",
  じ: "ji",
  ず: "zu",
  ぜ: "ze",
  ぞ: "zo",
  た: "ta",
  ち: "chi",
  つ: "tsu",
  て: "te",
  と: "to",
  だ: "da",
  ぢ: "ji",
  づ: "zu",
  で: "de",
  ど: "do",
  な: "na",
  に: "ni",
  ぬ: "nu",
  ね: "ne",
  の: "no",
  は: "ha",
  ひ: "hi",
  ふ: "fu",
  へ: "he",
  ほ: "ho",
  ば: "ba",
  び: "bi",
  ぶ: "bu",
  べ: "be",
  ぼ: "bo",
  ぱ: "pa",
  ぴ: "pi",
  ぷ: "pu",
  ぺ: "pe",
  ぽ: "po",
  ま: "ma",
  み: "mi",
  む: "mu",
  め: "me",
  も: "mo",
  や: "ya",
  ゆ: "yu",
  よ: "yo",
  ら: "ra",
  り: "ri",
  る: "ru",
  れ: "re",
  ろ: "ro",
  わ: "wa",
  を: "o",
  ん: "n",
  ゔ: "vu",
  ぁ: "a",
  ぃ: "i",
  ぅ: "u",
  ぇ: "e",
  ぉ: "o",
};
const SMALL_Y: Record<string, string> = { ゃ: "a", ゅ: "u", ょ: "o" };
const SMALL_VOWEL: Record<string, string> = { ぁ: "a", ぃ: "i", ぅ: "u", ぇ: "e", ぉ: "o" };

// Longest match first; each becomes its own part of the URL.
const WORDS: Record<string, string> = {
  機械学習: "kikai-gakushu",
  深層学習: "shinso-gakushu",
  強化学習: "kyoka-gakushu",
  自然言語処理: "shizen-gengo-shori",
  自然言語: "shizen-gengo",
  画像認識: "gazo-ninshiki",
  研究室: "kenkyushitsu",
  勉強会: "benkyo-kai",
  読書会: "dokusho-kai",
  輪読会: "rindoku-kai",
  論文: "ronbun",
  輪読: "rindoku",
  勉強: "benkyo",
  研究: "kenkyu",
  読書: "dokusho",
  読み: "yomi",
  読む: "yomu",
  学習: "gakushu",
  深層: "shinso",
  強化: "kyoka",
  生成: "seisei",
  言語: "gengo",
  処理: "shori",
  画像: "gazo",
  音声: "onsei",
  認識: "ninshiki",
  統計: "tokei",
  数理: "suri",
  数学: "sugaku",
  最適化: "saitekika",
  情報: "joho",
  理論: "riron",
  推論: "suiron",
  医療: "iryo",
  物理: "butsuri",
  社内: "shanai",
  大学: "daigaku",
  東京: "tokyo",
  大阪: "osaka",
  京都: "kyoto",
  週末: "shumatsu",
  朝: "asa",
  夜: "yoru",
  週: "shu",
  会: "kai",
  部: "bu",
  班: "han",
  回: "kai",
  新: "shin",
};
const WORD_KEYS = Object.keys(WORDS).sort((a, b) => b.length - a.length);

function toHiragana(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0x30a1 && code <= 0x30f6 ? String.fromCharCode(code - 0x60) : ch;
}

function kanaRun(text: string): string {
  let out = "";
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const ch = toHiragana(text[i]!);
    if (ch === "っ") {
      double = true;
      continue;
    }
    if (ch === "ー") continue;
    let roman = KANA[ch] ?? "";
    const next = toHiragana(text[i + 1] ?? "");
    if (roman && SMALL_Y[next]) {
      // きゃ kya, しゃ sha, ちゃ cha, じゃ ja
      const stem = roman.slice(0, -1);
      roman = /(sh|ch|j)$/.test(stem) ? stem + SMALL_Y[next] : stem + "y" + SMALL_Y[next];
      i++;
    } else if (roman.length > 1 && SMALL_VOWEL[next]) {
      // フォ fo, ティ ti, ウィ wi
      roman = roman.slice(0, -1) + SMALL_VOWEL[next];
      i++;
    }
    if (double && roman) roman = (roman.startsWith("ch") ? "t" : roman[0]) + roman;
    double = false;
    out += roman;
  }
  return out;
}

const isKana = (ch: string) => /[\u3041-\u3096\u30a1-\u30fa\u30fc]/.test(ch);

/** "ML 論文読み会" → "ML ronbun yomi kai" (then slugify makes the URL). */
export function romanize(name: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < name.length) {
    const word = WORD_KEYS.find((w) => name.startsWith(w, i));
    if (word) {
      parts.push(WORDS[word]!);
      i += word.length;
      continue;
    }
    if (isKana(name[i]!)) {
      let j = i;
      while (j < name.length && isKana(name[j]!)) j++;
      parts.push(kanaRun(name.slice(i, j)));
      i = j;
      continue;
    }
    if (/[\u3400-\u9fff]/.test(name[i]!)) {
      i++; // an unknown kanji: left out
      continue;
    }
    let j = i;
    while (
      j < name.length &&
      !isKana(name[j]!) &&
      !/[\u3400-\u9fff]/.test(name[j]!) &&
      !WORD_KEYS.some((w) => name.startsWith(w, j))
    )
      j++;
    parts.push(name.slice(i, j));
    i = j;
  }
  return parts.join(" ");
}
