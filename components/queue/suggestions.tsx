"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormText } from "@/components/ui/form-feedback";
import { idleState } from "@/lib/forms";
import { addToQueueAction } from "@/lib/queue/actions";
import type { Suggestion } from "@/lib/queue/schema";

/** The papers named in a meeting's "next paper" answers, each one click from the queue. */
export function QueueSuggestions({
  groupSlug,
  suggestions,
}: {
  groupSlug: string;
  suggestions: Suggestion[];
}) {
  const t = useTranslations("queue");
  return (
    <section
      aria-labelledby="suggestions-title"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="suggestions-title" className="text-lg font-semibold">
        {t("suggestionsTitle")}
      </h2>
      <p className="mt-1 mb-3 text-sm text-slate-600">{t("suggestionsIntro")}</p>
      <ul className="divide-y divide-slate-100" data-testid="suggestions">
        {suggestions.map((s) => (
          <li key={s.text} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0">
              <span className="font-mono text-sm">{s.text}</span>{" "}
              <span className="text-sm text-slate-600">
                {t("suggestedBy", { name: s.suggestedBy })}
              </span>
            </span>
            <SuggestionButton groupSlug={groupSlug} suggestion={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SuggestionButton({
  groupSlug,
  suggestion,
}: {
  groupSlug: string;
  suggestion: Suggestion;
}) {
  const t = useTranslations("queue");
  const [state, action, pending] = useActionState(addToQueueAction, idleState);
  const f = useFormText(state);
  if (state.status === "success")
    return <span className="text-sm text-emerald-800">{t("added")}</span>;
  if (suggestion.known) return <span className="text-sm text-slate-500">{t("known")}</span>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="groupSlug" value={groupSlug} />
      <input type="hidden" name="text" value={suggestion.text} />
      {state.status === "error" ? (
        <span role="alert" className="text-sm text-red-700">
          {f.errors("text")?.join(" ") ?? ""}
        </span>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        aria-label={`${t("addSuggestion")}: ${suggestion.text}`}
        className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? t("adding") : t("addSuggestion")}
      </button>
    </form>
  );
}
