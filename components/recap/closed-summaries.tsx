import { getTranslations } from "next-intl/server";
import type { RecapSlide } from "@/lib/recap/schema";
import { Markdown } from "@/components/readings/markdown";
import { PaperLink } from "@/components/papers/paper-link";
import { paperHref } from "@/lib/papers/links";

/** A closed meeting's summaries, read-only. */
export async function ClosedSummaries({ slides }: { slides: RecapSlide[] }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="summaries-title" className="space-y-4" data-testid="closed-summaries">
      <h2 id="summaries-title" className="text-xl font-semibold">
        {t("recap.closingTitle")}
      </h2>
      {slides.map((s) => (
        <article
          key={s.readingId}
          // The archive and member pages link here, to one reader's summary.
          id={`reading-${s.readingId}`}
          className="target:ring-brand-500 scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm target:ring-2"
        >
          <header>
            <h3 className="text-lg font-semibold">
              <PaperLink href={paperHref(s.paper)}>{s.paper.title}</PaperLink>
            </h3>
            <p className="text-sm text-slate-600">
              {[s.name, s.paper.authors.join(", "), s.paper.year].filter(Boolean).join(" · ")}
            </p>
            {s.gist ? <p className="mt-1 italic">{s.gist}</p> : null}
          </header>
          {s.answers.map((a) => (
            <div key={a.key}>
              <h4 className="text-sm font-semibold text-slate-700">
                {t(`questions.${a.key}.label`)}
              </h4>
              <Markdown text={a.text} className="text-sm" />
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}
