import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { meetingTitle } from "@/lib/meetings/schema";
import { Link } from "@/lib/i18n/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getInviteView } from "@/lib/groups/data";
import { invitePath, parseInvitePath } from "@/lib/groups/invite-path";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { JoinForm } from "@/components/groups/join-form";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ meeting?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "invites" });
  return { title: t("link"), robots: { index: false } };
}

export default async function InvitePage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const { meeting: meetingParam } = await searchParams;
  const t = await getTranslations("invites");
  const user = await getSessionUser();
  // The link as it was shared (its meeting, if any), read the way sign-in reads it back.
  const link = parseInvitePath(
    invitePath(token, /^\d{1,6}$/.test(meetingParam ?? "") ? Number(meetingParam) : null),
  );
  const view = link
    ? await getInviteView(link.token, user?.id ?? null, link.meeting)
    : ({ status: "unknown" } as const);

  if (view.status !== "valid") {
    const key = view.status === "revoked" ? "revokedLink" : view.status;
    return (
      <div className="mx-auto max-w-md space-y-4 py-8">
        <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
        <Notice tone="error">{t(key)}</Notice>
        {view.status !== "unknown" && view.owners.length > 0 ? (
          <p className="text-slate-700">
            {t("askOwner", { group: view.groupName, owners: view.owners.join(", ") })}
          </p>
        ) : null}
        <Link href={user ? "/groups" : "/"} className={buttonClass("secondary")}>
          {user ? t("yourGroups") : t("home")}
        </Link>
      </div>
    );
  }

  const meeting = view.meeting && !view.meeting.closed ? view.meeting : null;
  const meetingPath = meeting ? `/groups/${view.groupSlug}/meetings/${meeting.number}` : null;
  // A member following a meeting's link goes straight to it.
  if (user && view.alreadyMember && meetingPath) redirect(`/${locale}${meetingPath}`);

  const back = invitePath(token, meeting?.number);
  const format = await getFormatter();
  return (
    <div className="mx-auto max-w-md space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("joinTitle", { group: view.groupName })}</h1>
      {meeting ? (
        <p className="text-slate-700" data-invite-meeting>
          {t("joinMeetingIntro", {
            meeting: meetingTitle(meeting, locale, await getTimeZone()),
            date: format.dateTime(meeting.scheduledAt, {
              dateStyle: "medium",
              timeStyle: "short",
            }),
          })}
        </p>
      ) : (
        <p className="text-slate-700">{t("joinIntro")}</p>
      )}
      {!user ? (
        <div className="space-y-3">
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`}
            className={buttonClass("primary", "w-full")}
          >
            {t("signUpToJoin")}
          </Link>
          <p className="text-center text-sm text-slate-600">
            {t("haveAccount")}{" "}
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
              className="text-brand-700 font-medium underline"
            >
              {t("signInToJoin")}
            </Link>
          </p>
        </div>
      ) : view.alreadyMember ? (
        <div className="space-y-3">
          <Notice tone="info">{t("alreadyMember")}</Notice>
          <Link href={`/groups/${view.groupSlug}`} className={buttonClass("primary")}>
            {t("openGroup")}
          </Link>
        </div>
      ) : (
        <JoinForm token={token} meeting={meeting?.number ?? null} />
      )}
    </div>
  );
}
