import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { getPasswordHash } from "@/lib/users/data";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PasswordForm, ProfileForm } from "@/components/profile/profile-forms";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ password?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "profile" });
  return { title: t("title") };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "/profile");
  const [t, hash] = await Promise.all([getTranslations("profile"), getPasswordHash(user.id)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{user.email}</p>
      </div>
      <Card title={t("details")}>
        <ProfileForm name={user.name} locale={user.locale ?? locale} />
      </Card>
      <Card title={t("passwordTitle")}>
        {(await searchParams).password === "changed" ? (
          <div className="mb-4">
            <Notice tone="success">{t("passwordChanged")}</Notice>
          </div>
        ) : null}
        {hash ? <PasswordForm /> : <p className="text-sm text-slate-600">{t("noPassword")}</p>}
      </Card>
    </div>
  );
}
