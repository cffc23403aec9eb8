"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormText } from "@/components/ui/form-feedback";
import { PaperLink } from "@/components/papers/paper-link";
import { idleState, type FormAction } from "@/lib/forms";
import { addToQueueAction, claimAction, removeAction, voteAction } from "@/lib/queue/actions";
import type { QueueEntry } from "@/lib/queue/schema";

/** The group's reading queue: add by identifier or BibTeX, vote, claim, remove. */
export function ReadingQueue({
  groupSlug,
  entries,
  userId,
  canRemoveAny,
}: {
  groupSlug: string;
  entries: QueueEntry[];
  userId: string;
  canRemoveAny: boolean;
}) {
  const t = useTranslations("queue");
  return (
    <section
      aria-labelledby="queue-title"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="queue-title" className="text-lg font-semibold text-slate-900">
        {t("title")} <span className="text-slate-500">({entries.length})</span>
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("intro")}</p>
      <AddToQueueForm groupSlug={groupSlug} />
      {entries.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100" data-testid="queue">
          {entries.map((e) => (
            <li
              key={e.id}
              data-queue-item={e.title}
              className="flex flex-wrap items-start gap-3 py-3 sm:flex-nowrap"
            >
              <ItemButton
                action={voteAction}
                groupSlug={groupSlug}
                itemId={e.id}
                pressed={e.votedByMe}
                className={`flex w-16 shrink-0 flex-col items-center rounded-md border px-2 py-1 text-xs ${
                  e.votedByMe
                    ? "border-brand-600 bg-brand-50 text-brand-700"
                    : "border-slate-300 text-slate-700"
                }`}
              >
                <span
                  className="text-lg leading-tight font-semibold tabular-nums"
                  data-testid="votes"
                >
                  {e.votes}
                </span>
                {e.votedByMe ? t("voted") : t("vote")}
                <span className="sr-only"> {t("voteLabel", { title: e.title })}</span>
              </ItemButton>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  <PaperLink href={e.href}>{e.title}</PaperLink>
                </p>
                <p className="truncate text-sm text-slate-600">
                  {[
                    e.authors.slice(0, 3).join(", ") + (e.authors.length > 3 ? " et al." : ""),
                    e.year,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <p className="text-xs text-slate-500">
                  {t("addedBy", { name: e.addedBy })}
                  {e.claimedBy ? (
                    <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-800">
                      {e.claimedBy.id === userId
                        ? t("claimedByYou")
                        : t("claimedBy", { name: e.claimedBy.name })}
                    </span>
                  ) : null}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                {e.claimedBy === null || e.claimedBy.id === userId ? (
                  <ItemButton
                    action={claimAction}
                    groupSlug={groupSlug}
                    itemId={e.id}
                    className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
                  >
                    {e.claimedBy ? t("unclaim") : t("claim")}
                  </ItemButton>
                ) : null}
                {canRemoveAny || e.addedByMe ? (
                  <ItemButton
                    action={removeAction}
                    groupSlug={groupSlug}
                    itemId={e.id}
                    confirm={t("removeConfirm")}
                    className="rounded-md border border-red-200 px-2.5 py-1.5 text-sm text-red-700 hover:bg-red-50"
                  >
                    {t("remove")}
                  </ItemButton>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AddToQueueForm({ groupSlug }: { groupSlug: string }) {
  const t = useTranslations("queue");
  const [state, action] = useActionState(addToQueueAction, idleState);
  const f = useFormText(state);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <Field
            label={t("addLabel")}
            name="text"
            hint={t("addHint")}
            spellCheck={false}
            autoComplete="off"
            defaultValue={state.status === "error" ? f.value("text") : ""}
            errors={f.errors("text")}
          />
        </div>
      </div>
      <SubmitButton variant="secondary" pendingLabel={t("adding")}>
        {t("add")}
      </SubmitButton>
      {state.status === "success" ? f.notice() : null}
    </form>
  );
}

/** One button that sends one queue command for one item, with its refusal shown beside it. */
function ItemButton({
  action: serverAction,
  groupSlug,
  itemId,
  pressed,
  confirm,
  className,
  children,
}: {
  action: FormAction;
  groupSlug: string;
  itemId: string;
  pressed?: boolean;
  confirm?: string;
  className: string;
  children: React.ReactNode;
}) {
  const [state, action, pending] = useActionState(serverAction, idleState);
  const f = useFormText(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="contents"
    >
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="itemId" value={itemId} />
      <button
        type="submit"
        aria-pressed={pressed}
        disabled={pending}
        className={`${className} disabled:opacity-60`}
      >
        {children}
      </button>
      {state.status === "error" ? <div className="basis-full">{f.notice()}</div> : null}
    </form>
  );
}
