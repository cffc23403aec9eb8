"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { joinGroupAction } from "@/lib/groups/actions";

export function JoinForm({ token, meeting }: { token: string; meeting: number | null }) {
  const t = useTranslations("invites");
  const [state, action] = useActionState(joinGroupAction, idleState);
  const f = useFormText(state);
  return (
    <form action={action} className="space-y-3">
      {f.notice()}
      <input type="hidden" name="token" value={token} />
      {meeting ? <input type="hidden" name="meeting" value={meeting} /> : null}
      <SubmitButton pendingLabel={t("joining")}>{t("join")}</SubmitButton>
    </form>
  );
}
