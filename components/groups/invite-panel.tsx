"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { CopyField } from "@/components/ui/copy-field";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { createInviteAction, revokeInviteAction } from "@/lib/groups/actions";
import { INVITE_DAYS } from "@/lib/groups/constants";

export type InviteItem = { id: string; url: string; expiresAt: string; uses: number };

function InviteRow({ groupSlug, invite }: { groupSlug: string; invite: InviteItem }) {
  const t = useTranslations("invites");
  const format = useFormatter();
  const [state, action] = useActionState(revokeInviteAction, idleState);
  const f = useFormText(state);
  return (
    <li className="space-y-2 py-3" data-invite={invite.id}>
      <CopyField label={t("link")} value={invite.url} hideLabel>
        <form action={action}>
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <input type="hidden" name="inviteId" value={invite.id} />
          <SubmitButton variant="danger" pendingLabel="…">
            {t("revoke")}
          </SubmitButton>
        </form>
      </CopyField>
      <p className="text-xs text-slate-600">
        {t("expires", {
          date: format.dateTime(new Date(invite.expiresAt), {
            dateStyle: "medium",
            timeStyle: "short",
          }),
        })}
        {" · "}
        {t("uses", { count: invite.uses })}
      </p>
      {f.notice()}
    </li>
  );
}

export function InvitePanel({ groupSlug, invites }: { groupSlug: string; invites: InviteItem[] }) {
  const t = useTranslations("invites");
  const [state, action] = useActionState(createInviteAction, idleState);
  const f = useFormText(state);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="groupSlug" value={groupSlug} />
        <div className="space-y-1">
          <label htmlFor="invite-days" className="block text-sm font-medium">
            {t("validFor")}
          </label>
          <select
            id="invite-days"
            name="days"
            defaultValue="7"
            className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {INVITE_DAYS.map((d) => (
              <option key={d} value={d}>
                {t("days", { count: d })}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
      {f.notice()}
      {invites.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {invites.map((invite) => (
            <InviteRow key={invite.id} groupSlug={groupSlug} invite={invite} />
          ))}
        </ul>
      )}
    </div>
  );
}
