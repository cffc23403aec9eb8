// The minutes in a language: the source's data with the labels, date and names of `locale`.
import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { answerKeys, type AnswerKey } from "@/lib/readings/schema";
import { buildMinutes, initialsName, type Minutes } from "./build";
import type { MinutesSource } from "./data";

export async function composeMinutes(
  source: MinutesSource,
  locale: string,
  options: { initials: boolean },
): Promise<Minutes> {
  const [t, tq, format] = await Promise.all([
    getTranslations({ locale, namespace: "minutes" }),
    getTranslations({ locale, namespace: "questions" }),
    getFormatter({ locale }),
  ]);
  // 2024/01/25 in Japanese, as study groups title their minutes; the locale's long date otherwise.
  const date =
    locale === "ja"
      ? format.dateTime(source.scheduledAt, { year: "numeric", month: "2-digit", day: "2-digit" })
      : format.dateTime(source.scheduledAt, { dateStyle: "long" });
  return buildMinutes({
    title: `${date} ${source.groupName}`,
    subtitle: `${t("session", { number: source.number })} · ${t("participants", { count: source.readers.length })}`,
    remarks: source.remarks,
    labels: {
      session: t("session", { number: source.number }),
      participants: t("participants", { count: source.readers.length }),
      overview: t("overview"),
      remarks: t("remarks"),
      references: t("references"),
      code: t("code"),
      questions: Object.fromEntries(answerKeys.map((k) => [k, tq(`${k}.label`)])) as Record<
        AnswerKey,
        string
      >,
    },
    readers: source.readers.map((r) => ({
      name: options.initials ? initialsName(r.name, locale) : r.name,
      paper: r.paper,
      gist: r.gist,
      answers: r.answers,
    })),
  });
}
