import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { findPublishedMeeting, getMinutesSource } from "@/lib/minutes/data";
import { composeMinutes } from "@/lib/minutes/compose";
import { withImages } from "@/lib/minutes/build";
import { tokenSchema } from "@/lib/minutes/schema";
import { MinutesDocument } from "@/components/minutes/minutes-document";
import { ExportLinks } from "@/components/minutes/export-links";

type Props = { params: Promise<{ locale: string; token: string }> };

// Published minutes, for anyone with the link: nothing else of the group is shown, readers appear
// as the facilitator chose (initials by default), and a withdrawn link is a 404 at once.
const load = cache(async (locale: string, rawToken: string) => {
  const token = tokenSchema.safeParse(rawToken);
  if (!token.success) return null;
  const meetingId = await findPublishedMeeting(token.data);
  const source = meetingId ? await getMinutesSource(meetingId) : null;
  if (!source) return null;
  const minutes = await composeMinutes(source, locale, { initials: source.initials });
  return { source, minutes };
});

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, token } = await params;
  const found = await load(locale, token);
  if (!found) return { robots: { index: false, follow: false } };
  const { source, minutes } = found;
  const t = await getTranslations({ locale, namespace: "minutes" });
  const title = `${minutes.title} ${minutes.labels.session}`;
  const description = t("description", {
    count: minutes.references.length,
    group: source.groupName,
    number: source.number,
    titles: minutes.references.map((r) => r.paper.title).join(" / "),
  }).slice(0, 300);
  return {
    title: { absolute: title },
    description,
    openGraph: { title, description, type: "article" },
    twitter: { card: "summary", title, description },
    robots: source.indexMinutes ? { index: true, follow: true } : { index: false, follow: false },
  };
}

export default async function PublishedMinutesPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const found = await load(locale, token);
  if (!found) notFound();
  const { source, minutes } = found;
  const [t, format] = await Promise.all([getTranslations("minutes"), getFormatter()]);
  const api = `/api/minutes/${token}?locale=${locale}&format=`;
  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
        <MinutesDocument
          // Images in answers are seen through this link by people who are not members.
          minutes={withImages(minutes, (id) => `/api/images/${id}?minutes=${token}`)}
          lastChanged={t("lastChanged", {
            date: format.dateTime(source.changedAt, { dateStyle: "medium", timeStyle: "short" }),
          })}
        />
      </div>
      <nav aria-label={t("exports")}>
        <ExportLinks base={api} />
      </nav>
    </div>
  );
}
