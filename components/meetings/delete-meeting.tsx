"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { deleteMeetingAction } from "@/lib/meetings/actions";

/** Owners and admins delete a meeting (a test run, a duplicate), after confirming. */
export function DeleteMeeting({ groupSlug, number }: { groupSlug: string; number: number }) {
  const t = useTranslations("meeting");
  const [state, action] = useActionState(deleteMeetingAction, idleState);
  const f = useFormText(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("deleteConfirm"))) e.preventDefault();
      }}
      className="space-y-2 border-t border-slate-200 pt-4"
    >
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="number" value={number} />
      <p className="text-xs text-slate-600">{t("deleteHint")}</p>
      <SubmitButton variant="danger" pendingLabel="…">
        {t("delete")}
      </SubmitButton>
      {f.notice()}
    </form>
  );
}
