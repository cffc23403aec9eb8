"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import {
  changeRoleAction,
  leaveGroupAction,
  ownerResetLinkAction,
  removeMemberAction,
} from "@/lib/groups/actions";
import { CopyField } from "@/components/ui/copy-field";
import { roles, type GroupRole } from "@/lib/groups/constants";

type Props = { groupSlug: string; membershipId: string; name: string; role: GroupRole };

export function MemberActions({ groupSlug, membershipId, name, role }: Props) {
  const t = useTranslations();
  const [roleState, roleAction] = useActionState(changeRoleAction, idleState);
  const [removeState, removeAction] = useActionState(removeMemberAction, idleState);
  const [resetState, resetAction] = useActionState(ownerResetLinkAction, idleState);
  const resetText = useFormText(resetState);
  const resetUrl = resetState.status === "success" ? resetState.data?.url : undefined;
  const roleText = useFormText(roleState);
  const removeText = useFormText(removeState);
  const selectId = `role-${membershipId}`;

  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <label htmlFor={selectId} className="sr-only">
            {t("members.role", { name })}
          </label>
          <select
            id={selectId}
            name="role"
            defaultValue={role}
            key={role}
            className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" pendingLabel="…">
            {t("members.changeRole")}
          </SubmitButton>
        </form>
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!window.confirm(t("members.removeConfirm", { name }))) e.preventDefault();
          }}
        >
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <label className="mr-2 inline-flex items-center gap-1.5 text-xs text-slate-700">
            <input type="checkbox" name="block" className="size-4" />
            {t("members.block")}
          </label>
          <SubmitButton
            variant="danger"
            pendingLabel="…"
            aria-label={`${t("members.remove")}: ${name}`}
          >
            {t("members.remove")}
          </SubmitButton>
        </form>
      </div>
      {resetUrl ? (
        <div className="w-full max-w-md space-y-1" data-reset-link>
          <CopyField label={t("members.reset.linkFor", { name })} value={resetUrl} />
          <p className="text-xs text-slate-600">{t("members.reset.howTo", { name })}</p>
        </div>
      ) : (
        <form action={resetAction}>
          <input type="hidden" name="groupSlug" value={groupSlug} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <SubmitButton
            variant="secondary"
            pendingLabel="…"
            aria-label={`${t("members.reset.make")}: ${name}`}
          >
            {t("members.reset.make")}
          </SubmitButton>
        </form>
      )}
      {roleText.notice()}
      {removeText.notice()}
      {resetText.notice()}
    </div>
  );
}

export function LeaveGroupButton({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(leaveGroupAction, idleState);
  const f = useFormText(state);
  return (
    <div className="space-y-2">
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm(t("leaveConfirm"))) e.preventDefault();
        }}
      >
        <input type="hidden" name="groupSlug" value={groupSlug} />
        <SubmitButton variant="danger" pendingLabel="…">
          {t("leave")}
        </SubmitButton>
      </form>
      {f.notice()}
    </div>
  );
}
