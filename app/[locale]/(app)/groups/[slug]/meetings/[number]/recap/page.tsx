import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { closeFromRecapAction } from "@/lib/meetings/actions";
import { loadMeetingPage } from "@/lib/meetings/loaders";
import { boardForRecapScreen } from "@/lib/meetings/board";
import { RecapScreen } from "@/components/recap/recap-screen";

type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "recap" });
  return { title: t("title") };
}

export default async function RecapPage({ params }: Props) {
  const { locale, slug, number } = await params;
  setRequestLocale(locale);
  const { meeting, board, canDrive, meetingPath } = await loadMeetingPage(
    locale,
    slug,
    number,
    "/recap",
  );
  if (meeting.phase !== "RECAP") redirect(meetingPath);

  return (
    <RecapScreen
      initial={boardForRecapScreen(board)}
      canDrive={canDrive}
      meetingPath={meetingPath}
      closeMeeting={closeFromRecapAction}
      meetingRef={{ groupSlug: meeting.group.slug, number: meeting.number }}
      nonce={(await headers()).get("x-nonce")}
    />
  );
}
