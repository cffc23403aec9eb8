import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getGroupForMember } from "@/lib/groups/data";
import { meetingTitle } from "@/lib/meetings/schema";
import { startOfLocalDay } from "@/lib/i18n/time-zone";
import { ARCHIVE_PAGE_SIZE, listArchiveFacets, searchArchive } from "@/lib/search/data";
import { readArchiveQuery } from "@/lib/search/schema";
import { snippetOf } from "@/lib/search/snippet";
import { PaperLink } from "@/components/papers/paper-link";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "archive" });
  return { title: t("title") };
}

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";

/** One of the archive's filters: a choice among `options` (with "any"), or a date. */
function Filter({
  name,
  label,
  value,
  any,
  options,
}: {
  name: string;
  label: string;
  value: string | null;
  any?: string;
  options?: [value: string, label: string][];
}) {
  const id = `archive-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {options ? (
        <select id={id} name={name} defaultValue={value ?? ""} className={`${input} mt-1`}>
          <option value="">{any}</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="date"
          name={name}
          defaultValue={value ?? ""}
          className={`${input} mt-1`}
        />
      )}
    </div>
  );
}

/** "2026-12-31" → "2027-01-01". */
function dayAfter(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** Every reading the group has done, newest first: search, filters and pages in the address. */
export default async function ArchivePage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, `/groups/${slug}/archive`);
  const group = await getGroupForMember(slug, user.id);
  if (!group) notFound();
  const query = readArchiveQuery(await searchParams);
  const [t, tq, format, timeZone] = await Promise.all([
    getTranslations("archive"),
    getTranslations("questions"),
    getFormatter(),
    getTimeZone(),
  ]);
  const from = query.from ? startOfLocalDay(query.from, timeZone) : null;
  // The "to" day is included: up to the start of the day after it.
  const before = query.to ? startOfLocalDay(dayAfter(query.to), timeZone) : null;
  const [result, facets] = await Promise.all([
    searchArchive(group.id, {
      q: query.q,
      readerId: query.reader,
      from,
      before,
      category: query.category,
      queued: query.queued,
      page: query.page,
    }),
    listArchiveFacets(group.id),
  ]);
  // Past the count's cap the last page is not known: "next" while pages are full.
  const pages = result.capped
    ? query.page + (result.items.length === ARCHIVE_PAGE_SIZE ? 1 : 0)
    : Math.max(1, Math.ceil(result.total / ARCHIVE_PAGE_SIZE));
  const filtered =
    query.q.trim() !== "" ||
    query.reader ||
    query.from ||
    query.to ||
    query.category ||
    query.queued;
  const fieldLabel = (field: string) =>
    field === "title"
      ? t("fieldTitle")
      : field === "abstract"
        ? t("fieldAbstract")
        : field === "gist"
          ? t("fieldGist")
          : tq(`${field}.label`);
  const pageHref = (page: number) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({
      q: query.q,
      reader: query.reader,
      from: query.from,
      to: query.to,
      category: query.category,
      queued: query.queued ? "1" : null,
    }))
      if (v) next.set(k, v);
    if (page > 1) next.set("page", String(page));
    const s = next.toString();
    return `/groups/${group.slug}/archive${s ? `?${s}` : ""}`;
  };
  return (
    <div className="space-y-6" data-wide>
      <div>
        <Link href={`/groups/${group.slug}`} className="text-brand-700 text-sm underline">
          {group.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>

      <form
        method="get"
        role="search"
        aria-label={t("search")}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <div>
          <label htmlFor="archive-q" className="block text-sm font-medium text-slate-900">
            {t("search")}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="archive-q"
              type="search"
              name="q"
              defaultValue={query.q}
              maxLength={500}
              aria-describedby="archive-q-hint"
              className={input}
            />
            <button type="submit" className={buttonClass("primary", "shrink-0")}>
              {t("submit")}
            </button>
          </div>
          <p id="archive-q-hint" className="mt-1 text-xs text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Filter
            name="reader"
            label={t("reader")}
            value={query.reader}
            any={t("anyReader")}
            options={facets.readers.map((r) => [r.id, r.name])}
          />
          <Filter
            name="category"
            label={t("category")}
            value={query.category}
            any={t("anyCategory")}
            options={facets.categories.map((c) => [c, c])}
          />
          <Filter name="from" label={t("from")} value={query.from} />
          <Filter name="to" label={t("to")} value={query.to} />
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="queued" value="1" defaultChecked={query.queued} />
            {t("queued")}
          </label>
          {filtered ? (
            <Link
              href={`/groups/${group.slug}/archive`}
              className="text-brand-700 text-sm underline"
            >
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>

      {query.dropped.length > 0 ? <Notice tone="info">{t("dropped")}</Notice> : null}

      <section aria-labelledby="archive-results" className="space-y-3">
        <h2 id="archive-results" className="text-lg font-semibold" data-testid="archive-count">
          {result.terms.length > 0
            ? t(result.capped ? "resultsForCapped" : "resultsFor", {
                count: result.total,
                query: result.terms.join(" "),
              })
            : t(result.capped ? "resultsCapped" : "results", { count: result.total })}
        </h2>
        {result.total === 0 ? (
          <p className="text-slate-600">{filtered ? t("noMatch") : t("emptyGroup")}</p>
        ) : (
          <ol className="space-y-3" data-testid="archive-results">
            {result.items.map((item) => {
              const snippet = snippetOf(item.texts, result.terms);
              const meetingPath = `/groups/${group.slug}/meetings/${item.meeting.number}`;
              return (
                <li
                  key={item.readingId}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                  data-testid="archive-item"
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                    <h3 className="font-semibold">
                      <PaperLink href={item.paper.href}>{item.paper.title}</PaperLink>
                    </h3>
                    {item.paper.category ? (
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                        {item.paper.category}
                      </span>
                    ) : null}
                  </div>
                  <p className="mt-0.5 text-sm text-slate-600">
                    <Link
                      href={`/groups/${group.slug}/members/${item.reader.id}`}
                      className="text-brand-700 underline"
                    >
                      {item.reader.name}
                    </Link>{" "}
                    ·{" "}
                    <Link href={meetingPath} className="underline">
                      {t("meeting", { number: item.meeting.number })}
                    </Link>{" "}
                    ·{" "}
                    {item.meeting.title.trim()
                      ? `${meetingTitle(item.meeting, locale, timeZone)} · `
                      : null}
                    {format.dateTime(item.meeting.scheduledAt, { dateStyle: "medium" })}
                  </p>
                  {item.gist ? <p className="mt-1 text-slate-800">{item.gist}</p> : null}
                  {snippet ? (
                    <p className="mt-2 text-sm text-slate-700" data-testid="archive-snippet">
                      <span className="text-xs text-slate-500">
                        {t("inField", { field: fieldLabel(snippet.field) })}{" "}
                      </span>
                      {snippet.segments.map((s, i) =>
                        s.hit ? (
                          <mark key={i} className="rounded bg-amber-200 px-0.5 text-slate-900">
                            {s.text}
                          </mark>
                        ) : (
                          <span key={i}>{s.text}</span>
                        ),
                      )}
                    </p>
                  ) : null}
                  <p className="mt-2 text-sm">
                    <Link
                      href={`${meetingPath}#reading-${item.readingId}`}
                      className="text-brand-700 underline"
                    >
                      {t("readSummary")}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        {pages > 1 ? (
          <nav
            aria-label={t("pagination")}
            className="flex items-center justify-between gap-3 pt-2"
          >
            {query.page > 1 ? (
              <Link href={pageHref(query.page - 1)} className={buttonClass("secondary")} rel="prev">
                {t("previous")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-sm text-slate-600">
              {result.capped
                ? t("pageOnly", { page: query.page })
                : t("pageOf", { page: Math.min(query.page, pages), pages })}
            </span>
            {query.page < pages ? (
              <Link href={pageHref(query.page + 1)} className={buttonClass("secondary")} rel="next">
                {t("next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
