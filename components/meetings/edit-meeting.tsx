"use client";

import { useActionState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { cancelMeetingAction, updateMeetingAction } from "@/lib/meetings/actions";
import { withTzOffset } from "./create-meeting";

/** "2026-12-08T19:00" in this browser's time zone, for a datetime-local input. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

const noSubscription = () => () => {};

type Props = {
  groupSlug: string;
  number: number;
  scheduledAt: string;
  title: string;
  /** Nobody has joined yet: the meeting can be called off. */
  canCancel: boolean;
};

/** A scheduled meeting, for those who run it: move it, retitle it, or call it off. */
export function EditMeeting({ groupSlug, number, scheduledAt, title, canCancel }: Props) {
  const t = useTranslations();
  const [state, action] = useActionState(updateMeetingAction, idleState);
  const [cancelState, cancel] = useActionState(cancelMeetingAction, idleState);
  const f = useFormText(state);
  const c = useFormText(cancelState);
  // The date shows in this browser's zone, known only here (not while rendering on the server).
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const when = inBrowser ? localInput(scheduledAt) : null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4" data-edit-meeting>
      <summary className="cursor-pointer font-semibold">{t("meeting.edit")}</summary>
      <div className="mt-4 space-y-4">
        <form action={withTzOffset(action)} className="space-y-4" noValidate>
          {f.notice()}
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <input type="hidden" name="number" value={number} />
          {when !== null ? (
            <Field
              label={t("meetings.when")}
              name="scheduledAt"
              type="datetime-local"
              required
              defaultValue={f.value("scheduledAt", when)}
              errors={f.errors("scheduledAt")}
            />
          ) : null}
          <Field
            label={t("meetings.titleLabel")}
            name="title"
            hint={t("meetings.titleHint")}
            maxLength={200}
            defaultValue={f.value("title", title)}
            errors={f.errors("title")}
          />
          <SubmitButton variant="secondary" pendingLabel={t("meeting.saving")}>
            {t("meeting.save")}
          </SubmitButton>
        </form>
        {canCancel ? (
          <form
            action={cancel}
            onSubmit={(e) => {
              if (!window.confirm(t("meeting.cancelConfirm"))) e.preventDefault();
            }}
            className="space-y-2 border-t border-slate-200 pt-4"
          >
            {c.notice()}
            <input type="hidden" name="groupSlug" value={groupSlug} />
            <input type="hidden" name="number" value={number} />
            <SubmitButton variant="danger" pendingLabel="…">
              {t("meeting.cancel")}
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </details>
  );
}
