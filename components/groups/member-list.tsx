"use client";

import { useTranslations } from "next-intl";
import { MemberActions } from "@/components/groups/member-actions";
import type { GroupRole } from "@/lib/groups/constants";

export type MemberListRow = {
  id: string;
  userId: string;
  name: string;
  /** Only for the people who manage members; null for everyone else. */
  email: string | null;
  role: GroupRole;
  /** The day they joined, formatted in the reader's language and zone. */
  joined: string;
  href: string;
};

/**
 * The group's members, drawn from their few fields. As one client component the page's payload
 * carries each member's fields (about 150 bytes) instead of each row's markup (about 500), and
 * the server does not render the rows twice (once for the payload, once for the HTML).
 */
export function MemberList({
  groupSlug,
  rows,
  viewerId,
  canManage,
}: {
  groupSlug: string;
  rows: MemberListRow[];
  viewerId: string;
  canManage: boolean;
}) {
  const t = useTranslations();
  return (
    <ul className="divide-y divide-slate-200">
      {rows.map((m) => (
        <li
          key={m.id}
          data-member-id={m.userId}
          // Emails are for the people who manage members, never printed for everyone.
          data-member={m.email ?? undefined}
          className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between"
        >
          <div className="min-w-0">
            <p className="truncate font-medium">
              <a href={m.href} className="hover:underline">
                {m.name}
              </a>
              {m.userId === viewerId ? (
                <span className="text-slate-500"> ({t("members.you")})</span>
              ) : null}
            </p>
            <p className="text-sm text-slate-600">
              <span data-role>{t(`roles.${m.role}`)}</span> ·{" "}
              {t("members.joined", { date: m.joined })}
            </p>
          </div>
          {canManage && m.userId !== viewerId ? (
            <MemberActions groupSlug={groupSlug} membershipId={m.id} name={m.name} role={m.role} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
