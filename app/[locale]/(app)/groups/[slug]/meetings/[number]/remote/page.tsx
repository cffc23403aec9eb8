import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { loadMeetingPage } from "@/lib/meetings/loaders";
import { RecapRemote } from "@/components/recap/recap-remote";

type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "recap" });
  return { title: t("remote") };
}

export default async function RemotePage({ params }: Props) {
  const { locale, slug, number } = await params;
  setRequestLocale(locale);
  const { meeting, board, canDrive, meetingPath } = await loadMeetingPage(
    locale,
    slug,
    number,
    "/remote",
  );
  if (meeting.phase !== "RECAP" || !canDrive) redirect(meetingPath);
  const t = await getTranslations("recap");
  return (
    // Over the whole screen, like the presenter screen: on a phone the site header would push the
    // buttons out of thumb's reach.
    <div className="fixed inset-0 z-40 space-y-4 overflow-y-auto bg-slate-50 px-4 py-5">
      <h1 className="text-center text-lg font-semibold">{t("remote")}</h1>
      <RecapRemote initial={board} />
      <p className="text-center text-sm">
        <Link
          href={`/groups/${slug}/meetings/${meeting.number}`}
          className="text-brand-700 underline"
        >
          {t("leave")}
        </Link>
      </p>
    </div>
  );
}
