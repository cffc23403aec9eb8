import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getGroupForMember } from "@/lib/groups/data";
import { canAdminister } from "@/lib/groups/schema";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { GroupSettingsForm } from "@/components/groups/settings-form";
import { BackupPanel } from "@/components/groups/backup-panel";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "settings" });
  return { title: t("title") };
}

export default async function GroupSettingsPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  // Set after a save that gave the group a new address (the page moved with it).
  const moved = (await searchParams).saved === "1";
  setRequestLocale(locale);
  const user = await requirePageUser(locale, `/groups/${slug}/settings`);
  const group = await getGroupForMember(slug, user.id);
  if (!group) notFound();
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <Link href={`/groups/${group.slug}`} className="text-brand-700 text-sm underline">
        {group.name}
      </Link>
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      {moved ? <Notice tone="success">{t("settings.moved")}</Notice> : null}
      <Card>
        {canAdminister(group.role) ? (
          <GroupSettingsForm groupSlug={group.slug} values={group} />
        ) : (
          <Notice tone="info">{t("settings.adminsOnly")}</Notice>
        )}
      </Card>
      {group.role === "OWNER" ? (
        <Card>
          <BackupPanel groupSlug={group.slug} />
        </Card>
      ) : null}
    </div>
  );
}
