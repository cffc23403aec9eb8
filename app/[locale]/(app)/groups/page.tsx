import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { listGroupsForUser } from "@/lib/groups/data";
import { Card } from "@/components/ui/card";
import { CreateGroupForm } from "@/components/groups/create-group-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "groups" });
  return { title: t("title") };
}

export default async function GroupsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "/groups");
  const [groups, t] = await Promise.all([listGroupsForUser(user.id), getTranslations()]);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="groups-title" className="space-y-4">
        <h1 id="groups-title" className="text-2xl font-semibold">
          {t("groups.title")}
        </h1>
        {groups.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            {t("groups.empty")}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {groups.map((g) => (
              <li key={g.id}>
                <Link
                  href={`/groups/${g.slug}`}
                  className="hover:border-brand-500 block rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition"
                >
                  <span className="block font-semibold text-slate-900">{g.name}</span>
                  <span className="mt-1 block text-sm text-slate-600">
                    {t("groups.members", { count: g.memberCount })} · {t(`roles.${g.role}`)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Card title={t("groups.createTitle")}>
        <CreateGroupForm />
      </Card>
    </div>
  );
}
