"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { idleState } from "@/lib/forms";
import { meetingPhaseAction, setFacilitatorAction } from "@/lib/meetings/actions";
import type { MeetingPhase } from "@/lib/meetings/schema";
import { useFormText } from "@/components/ui/form-feedback";

type Props = {
  groupSlug: string;
  number: number;
  phase: MeetingPhase;
  /** Every joined reader has started: "everyone starts now" is no longer the main action. */
  everyoneStarted: boolean;
};

function Hidden({ groupSlug, number }: { groupSlug: string; number: number }) {
  return (
    <>
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="number" value={number} />
    </>
  );
}

export function FacilitatorControls({ groupSlug, number, phase, everyoneStarted }: Props) {
  const t = useTranslations("meeting");
  const te = useTranslations();
  const [state, action] = useActionState(meetingPhaseAction, idleState);
  const needsConfirm =
    state.status === "error" && state.formError === "meeting.readersStillReading";
  const open = phase === "PLANNED" || phase === "READING";
  const closeForm =
    phase !== "CLOSED" ? (
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm(t("closeConfirm"))) e.preventDefault();
        }}
      >
        <Hidden groupSlug={groupSlug} number={number} />
        <input type="hidden" name="command" value="close" />
        <SubmitButton variant="danger" pendingLabel="…">
          {t("close")}
        </SubmitButton>
      </form>
    ) : (
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm(t("reopenConfirm"))) e.preventDefault();
        }}
      >
        <Hidden groupSlug={groupSlug} number={number} />
        <input type="hidden" name="command" value="reopen" />
        <SubmitButton variant="secondary" pendingLabel="…">
          {t("reopen")}
        </SubmitButton>
      </form>
    );

  return (
    // One row of compact buttons on a phone (the title is read out, not shown: the phase is in the
    // heading right above), so the reader's own countdown is on the first screen; a card with its
    // title above on a wide screen.
    <section
      aria-labelledby="controls-title"
      className="border-brand-100 bg-brand-50 rounded-lg border px-3 py-2 lg:p-4"
    >
      <div>
        <h2
          id="controls-title"
          className="text-brand-700 mb-3 text-sm font-semibold tracking-wide uppercase max-lg:sr-only"
        >
          {t("controls")}
        </h2>
        <div className="flex flex-wrap gap-1 lg:gap-2 [&_button]:max-lg:px-2 [&_button]:max-lg:text-xs">
          {open ? (
            <form action={action}>
              <Hidden groupSlug={groupSlug} number={number} />
              <input type="hidden" name="command" value="startEveryone" />
              <SubmitButton variant={everyoneStarted ? "secondary" : "primary"} pendingLabel="…">
                {t("startEveryone")}
              </SubmitButton>
            </form>
          ) : null}
          {open ? (
            <form action={action}>
              <Hidden groupSlug={groupSlug} number={number} />
              <input type="hidden" name="command" value="recap" />
              {needsConfirm ? <input type="hidden" name="confirm" value="yes" /> : null}
              <SubmitButton variant={needsConfirm ? "danger" : "secondary"} pendingLabel="…">
                {needsConfirm ? t("confirmRecap") : t("moveToRecap")}
              </SubmitButton>
            </form>
          ) : null}
          {open ? (
            // A rare, final action: on a phone it waits in a menu so the bar stays one row.
            <>
              <details
                className="relative lg:hidden"
                onKeyDown={(e) => {
                  if (e.key !== "Escape") return;
                  e.currentTarget.open = false;
                  e.currentTarget.querySelector("summary")?.focus();
                }}
              >
                <summary
                  aria-label={t("moreActions")}
                  className="flex min-h-10 cursor-pointer list-none items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 [&::-webkit-details-marker]:hidden"
                >
                  ⋯
                </summary>
                <div className="absolute end-0 top-full z-10 mt-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                  {closeForm}
                </div>
              </details>
              <div className="max-lg:hidden">{closeForm}</div>
            </>
          ) : (
            closeForm
          )}
        </div>
      </div>
      {state.status === "success" && state.data?.started !== undefined ? (
        <div className="mt-3">
          <Notice tone="success">{t("startedCount", { count: Number(state.data.started) })}</Notice>
        </div>
      ) : null}
      {state.status === "error" && state.formError ? (
        <div className="mt-3">
          <Notice tone="error">
            {needsConfirm
              ? t("readersStillReading", { count: Number(state.data?.count ?? 0) })
              : te(state.formError)}
          </Notice>
        </div>
      ) : null}
    </section>
  );
}

export function FacilitatorPicker({
  groupSlug,
  number,
  members,
  current,
}: {
  groupSlug: string;
  number: number;
  members: { id: string; name: string }[];
  current: string;
}) {
  const t = useTranslations("meeting");
  const [state, action] = useActionState(setFacilitatorAction, idleState);
  const f = useFormText(state);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <Hidden groupSlug={groupSlug} number={number} />
      <div className="space-y-1">
        <label htmlFor="facilitatorId" className="block text-sm font-medium">
          {t("handOver")}
        </label>
        <select
          id="facilitatorId"
          name="facilitatorId"
          defaultValue={current}
          className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingLabel="…">
        {t("handOverButton")}
      </SubmitButton>
      <div className="basis-full">{f.notice()}</div>
    </form>
  );
}
