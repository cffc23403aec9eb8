"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CopyField } from "@/components/ui/copy-field";
import { useFormText } from "@/components/ui/form-feedback";
import { buttonClass } from "@/components/ui/button";
import { idleState } from "@/lib/forms";
import { calendarFeedAction } from "@/lib/calendar/actions";
import { webcalUrl } from "@/lib/calendar/links";

/**
 * The member's private calendar feed of the group's meetings: made on request, then shown with
 * Copy, "open in calendar app" (webcal://) and Replace (for a link that got out).
 */
export function CalendarFeed({
  groupSlug,
  url: initial,
}: {
  groupSlug: string;
  url: string | null;
}) {
  const t = useTranslations("calendar");
  const [state, action] = useActionState(calendarFeedAction, idleState);
  const f = useFormText(state);
  const url = (state.status === "success" ? state.data?.url : undefined) ?? initial;
  return (
    <div className="space-y-3" data-calendar-feed>
      <p className="text-sm text-slate-600">{t("feedIntro")}</p>
      {f.notice()}
      {url ? (
        <>
          <CopyField label={t("feedLabel")} value={url} data-feed-url={url} />
          <p className="text-xs text-slate-600">{t("feedPrivate")}</p>
          <div className="flex flex-wrap gap-2">
            <a href={webcalUrl(url)} className={buttonClass("secondary")}>
              {t("subscribe")}
            </a>
            <form
              action={action}
              onSubmit={(e) => {
                if (!window.confirm(t("renewConfirm"))) e.preventDefault();
              }}
            >
              <input type="hidden" name="groupSlug" value={groupSlug} />
              <input type="hidden" name="renew" value="1" />
              <SubmitButton variant="secondary" pendingLabel="…">
                {t("renew")}
              </SubmitButton>
            </form>
          </div>
        </>
      ) : (
        <form action={action}>
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <SubmitButton variant="secondary" pendingLabel={t("gettingFeed")}>
            {t("getFeed")}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
