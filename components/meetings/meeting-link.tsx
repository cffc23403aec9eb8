"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { CopyField } from "@/components/ui/copy-field";
import { idleState } from "@/lib/forms";
import { meetingLinkAction } from "@/lib/meetings/actions";

/**
 * "Invite people to this meeting": one link (and a QR code to scan from the room) that takes
 * anyone — signed out, not yet in the group — to picking their paper for this meeting.
 */
export function MeetingLink({ groupSlug, number }: { groupSlug: string; number: number }) {
  const t = useTranslations("meetingLink");
  const [state, action] = useActionState(meetingLinkAction, idleState);
  const f = useFormText(state);
  const url = state.status === "success" ? state.data?.url : undefined;
  const qr = state.status === "success" ? state.data?.qr : undefined;
  return (
    <section
      aria-labelledby="meeting-link-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="meeting-link-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {url ? (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          {qr ? (
            <div
              role="img"
              aria-label={t("qr")}
              data-meeting-qr
              className="w-40 shrink-0 rounded bg-white p-1"
              // An SVG the server drew from the link; it holds no script.
              dangerouslySetInnerHTML={{ __html: qr }}
            />
          ) : null}
          <div className="min-w-0 flex-1">
            <CopyField label={t("label")} value={url} />
          </div>
        </div>
      ) : (
        <form action={action}>
          {f.notice()}
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <input type="hidden" name="number" value={number} />
          <SubmitButton variant="secondary" pendingLabel={t("making")}>
            {t("make")}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
