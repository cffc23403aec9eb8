import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getInviteView } from "@/lib/groups/data";
import { inviteTokenSchema } from "@/lib/groups/schema";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { JoinForm } from "@/components/groups/join-form";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "invites" });
  return { title: t("link"), robots: { index: false } };
}

export default async function InvitePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("invites");
  const user = await getSessionUser();
  const parsed = inviteTokenSchema.safeParse(token);
  const view = parsed.success
    ? await getInviteView(parsed.data, user?.id ?? null)
    : ({ status: "unknown" } as const);

  if (view.status !== "valid") {
    const key = view.status === "revoked" ? "revokedLink" : view.status;
    return (
      <div className="mx-auto max-w-md space-y-4 py-8">
        <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
        <Notice tone="error">{t(key)}</Notice>
      </div>
    );
  }

  const back = `/${locale}/invite/${token}`;
  return (
    <div className="mx-auto max-w-md space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("joinTitle", { group: view.groupName })}</h1>
      <p className="text-slate-700">{t("joinIntro")}</p>
      {!user ? (
        <div className="flex flex-wrap gap-3">
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
            className={buttonClass("primary")}
          >
            {t("signInToJoin")}
          </Link>
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`}
            className={buttonClass("secondary")}
          >
            {t("signUpToJoin")}
          </Link>
        </div>
      ) : view.alreadyMember ? (
        <div className="space-y-3">
          <Notice tone="info">{t("alreadyMember")}</Notice>
          <Link href={`/groups/${view.groupSlug}`} className={buttonClass("primary")}>
            {t("openGroup")}
          </Link>
        </div>
      ) : (
        <JoinForm token={token} />
      )}
    </div>
  );
}
