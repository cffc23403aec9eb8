import type { Metadata } from "next";
import { getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { meetingTitle } from "@/lib/meetings/schema";
import { loadMeetingPage } from "@/lib/meetings/loaders";
import { ProjectorBoard } from "@/components/meetings/projector-board";
import { usableInviteToken } from "@/lib/groups/data";
import { invitePath } from "@/lib/groups/invite-path";
import { publicOrigin } from "@/lib/origin";
import { qrSvg } from "@/lib/qr";

type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "projector" });
  return { title: t("title") };
}

/** The shared screen while everyone reads: every reader's countdown, large. Any member may open it; the QR code of
 * the meeting's link is only on the screen of those who run the meeting. */
export default async function ProjectorPage({ params }: Props) {
  const { locale, slug, number } = await params;
  setRequestLocale(locale);
  const { meeting, board, meetingPath, canDrive } = await loadMeetingPage(
    locale,
    slug,
    number,
    "/projector",
  );
  // For whoever runs the screen: a QR code of the meeting's link, once one has been shared.
  const token =
    canDrive && (meeting.phase === "PLANNED" || meeting.phase === "READING")
      ? await usableInviteToken(meeting.group.id)
      : null;
  const joinQr = token
    ? await qrSvg(`${await publicOrigin()}${invitePath(token, meeting.number)}`)
    : null;
  return (
    <ProjectorBoard
      initial={board}
      title={meetingTitle(meeting, locale, await getTimeZone())}
      meetingPath={meetingPath}
      joinQr={joinQr}
    />
  );
}
