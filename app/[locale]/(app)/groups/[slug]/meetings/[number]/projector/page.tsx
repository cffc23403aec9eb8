import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadMeetingPage } from "@/lib/meetings/loaders";
import { ProjectorBoard } from "@/components/meetings/projector-board";

type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "projector" });
  return { title: t("title") };
}

/** The shared screen while everyone reads: every reader's countdown, large. Any member may open it. */
export default async function ProjectorPage({ params }: Props) {
  const { locale, slug, number } = await params;
  setRequestLocale(locale);
  const { meeting, board, meetingPath } = await loadMeetingPage(locale, slug, number, "/projector");
  return <ProjectorBoard initial={board} title={meeting.title} meetingPath={meetingPath} />;
}
