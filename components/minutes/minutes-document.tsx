import type { Minutes } from "@/lib/minutes/build";
import { Markdown } from "@/components/readings/markdown";
import { paperHref } from "@/lib/papers/links";
import { PaperLink } from "@/components/papers/paper-link";

/** The minutes as a document: the same parts, in the same order, as the Markdown export. */
export function MinutesDocument({
  minutes,
  lastChanged,
  remarksSlot,
}: {
  minutes: Minutes;
  lastChanged?: string;
  /** Replaces the closing remarks (the editor on the members' page). */
  remarksSlot?: React.ReactNode;
}) {
  const l = minutes.labels;
  return (
    <article data-testid="minutes" className="space-y-8 leading-relaxed">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{minutes.title}</h1>
        <p className="mt-1 text-slate-600">{minutes.subtitle}</p>
        {lastChanged ? <p className="mt-1 text-sm text-slate-500">{lastChanged}</p> : null}
      </header>

      <section aria-labelledby="minutes-overview">
        <h2 id="minutes-overview" className="mb-2 text-xl font-semibold">
          {l.overview}
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {minutes.readers.map((r) => (
            <li key={`${r.name}-${r.ref}-${r.paper.title}`}>
              <PaperLink href={paperHref(r.paper)}>{r.paper.title}</PaperLink> [{r.ref}]
              {r.gist.trim() ? <p className="text-slate-700">{r.gist}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      {minutes.readers.map((r, i) => (
        <section key={i} aria-labelledby={`minutes-reader-${i}`} className="space-y-3">
          <h2
            id={`minutes-reader-${i}`}
            className="text-xl font-semibold"
            data-testid="minutes-reader"
          >
            {r.name}
          </h2>
          <p>
            <strong>
              <PaperLink href={paperHref(r.paper)}>{r.paper.title}</PaperLink>
            </strong>{" "}
            [{r.ref}]
          </p>
          {r.paper.codeUrl ? (
            <p className="text-sm">
              {l.code}:{" "}
              <a
                href={r.paper.codeUrl}
                className="text-brand-700 underline"
                rel="noopener noreferrer nofollow"
              >
                {r.paper.codeUrl}
              </a>
            </p>
          ) : null}
          {r.answers.map((a) => (
            <div key={a.key}>
              <h3 className="font-semibold">{l.questions[a.key]}</h3>
              <Markdown text={a.text} />
            </div>
          ))}
        </section>
      ))}

      {remarksSlot ??
        (minutes.remarks ? (
          <section aria-labelledby="minutes-remarks">
            <h2 id="minutes-remarks" className="mb-2 text-xl font-semibold">
              {l.remarks}
            </h2>
            <Markdown text={minutes.remarks} />
          </section>
        ) : null)}

      <section aria-labelledby="minutes-references">
        <h2 id="minutes-references" className="mb-2 text-xl font-semibold">
          {l.references}
        </h2>
        <ol className="space-y-2 text-sm" data-testid="references">
          {minutes.references.map((ref) => (
            <li key={ref.n}>
              <Markdown text={ref.text} />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
