import type { Metadata } from "next";
import { publicOrigin } from "@/lib/origin";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { loadMeetingPage } from "@/lib/meetings/loaders";
import { getMinutesSource } from "@/lib/minutes/data";
import { composeMinutes } from "@/lib/minutes/compose";
import { Notice } from "@/components/ui/notice";
import { MinutesDocument } from "@/components/minutes/minutes-document";
import { RemarksEditor } from "@/components/minutes/remarks-editor";
import { PublishPanel } from "@/components/minutes/publish-panel";
import { ExportLinks } from "@/components/minutes/export-links";

type Props = { params: Promise<{ locale: string; slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "minutes" });
  return { title: t("title") };
}

/** The minutes for the group's members: the write-up, the closing remarks, publishing, exports. */
export default async function MinutesPage({ params }: Props) {
  const { locale, slug, number } = await params;
  setRequestLocale(locale);
  const { meeting, canDrive } = await loadMeetingPage(locale, slug, number, "/minutes");
  const [t, format, source] = await Promise.all([
    getTranslations("minutes"),
    getFormatter(),
    getMinutesSource(meeting.id),
  ]);
  const back = (
    <Link
      href={`/groups/${meeting.group.slug}/meetings/${meeting.number}`}
      className="text-brand-700 text-sm underline"
    >
      {t("back")}
    </Link>
  );
  if (!source || (source.phase !== "RECAP" && source.phase !== "CLOSED")) {
    return (
      <div className="space-y-4">
        {back}
        <Notice tone="info">{t("wrongPhase")}</Notice>
      </div>
    );
  }
  // Members see full names; the public page and the exports follow the initials setting.
  const minutes = await composeMinutes(source, locale, { initials: false });
  const api = `/api/meetings/${meeting.id}/minutes?locale=${locale}&format=`;
  return (
    <div className="space-y-6" data-wide>
      {back}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
          <MinutesDocument
            minutes={minutes}
            lastChanged={t("lastChanged", {
              date: format.dateTime(source.changedAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
            remarksSlot={
              <RemarksEditor
                meetingId={meeting.id}
                initial={{ version: source.remarksVersion, text: source.remarks }}
              />
            }
          />
        </div>
        <aside className="space-y-6 lg:sticky lg:top-4">
          <section
            aria-labelledby="exports-title"
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="exports-title" className="mb-3 text-lg font-semibold">
              {t("exports")}
            </h2>
            <ExportLinks base={api} />
          </section>
          {canDrive ? (
            <PublishPanel
              groupSlug={meeting.group.slug}
              number={meeting.number}
              publicUrl={
                source.token ? `${await publicOrigin()}/${locale}/m/${source.token}` : null
              }
              initials={source.initials}
              atTimeUp={source.atTimeUp}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
