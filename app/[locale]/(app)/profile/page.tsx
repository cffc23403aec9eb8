import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { getConnectedProviders, getPasswordHash } from "@/lib/users/data";
import { enabledOAuthProviders } from "@/lib/auth/config";
import { connectOAuthAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PasswordForm, ProfileForm } from "@/components/profile/profile-forms";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{
    password?: string;
    connected?: string;
    connectError?: string;
    provider?: string;
  }>;
};

const providerNames = { github: "GitHub", google: "Google" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "profile" });
  return { title: t("title") };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "/profile");
  const [t, hash, connected, query] = await Promise.all([
    getTranslations("profile"),
    getPasswordHash(user.id),
    getConnectedProviders(user.id),
    searchParams,
  ]);
  const providers = enabledOAuthProviders();
  const providerName = (p: string | undefined) =>
    providerNames[p as keyof typeof providerNames] ?? null;
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
        {query.password === "changed" ? (
          <div className="mb-4">
            <Notice tone="success">{t("passwordChanged")}</Notice>
          </div>
        ) : null}
        {hash ? <PasswordForm /> : <p className="text-sm text-slate-600">{t("noPassword")}</p>}
      </Card>
      {providers.length > 0 ? (
        <Card title={t("methodsTitle")}>
          <div className="space-y-3">
            {providerName(query.connected) && connected.includes(query.connected!) ? (
              <Notice tone="success">
                {t("connectedNotice", { provider: providerName(query.connected)! })}
              </Notice>
            ) : null}
            {query.connectError === "linkedElsewhere" && providerName(query.provider) ? (
              <Notice tone="error">
                {t("linkedElsewhere", { provider: providerName(query.provider)! })}
              </Notice>
            ) : null}
            <ul className="divide-y divide-slate-200 text-sm">
              {hash ? <li className="py-2">{t("methodPassword")}</li> : null}
              {providers.map((p) => (
                <li key={p} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>{providerNames[p]}</span>
                  {connected.includes(p) ? (
                    <span className="text-emerald-700">{t("providerConnected")}</span>
                  ) : (
                    <form action={connectOAuthAction}>
                      <input type="hidden" name="provider" value={p} />
                      <Button type="submit" variant="secondary">
                        {t("connect", { provider: providerNames[p] })}
                      </Button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
