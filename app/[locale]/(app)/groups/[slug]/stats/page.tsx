import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getGroupForMember } from "@/lib/groups/data";
import { listGroupReadings } from "@/lib/stats/data";
import { groupStats } from "@/lib/stats/group";
import { CHART_WIDTHS, groupedBars, horizontalBars } from "@/lib/stats/charts";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "stats" });
  return { title: t("title") };
}

/**
 * A chart drawn on the server, and the same numbers as a table (for screen readers, and a look).
 * It is drawn twice, for a phone's column and for wider screens, and CSS shows one: an SVG scaled
 * down to a phone would shrink its labels below reading size.
 */
function Chart({
  id,
  title,
  draw,
  table,
  tableLabel,
}: {
  id: string;
  title: string;
  draw: (width: number) => string;
  table: ReactNode;
  tableLabel: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      data-testid={id}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div
        className="text-slate-700 sm:hidden [&_[class*=-swatches]]:text-sm! [&_svg]:h-auto [&_svg]:max-w-full"
        data-chart="narrow"
        dangerouslySetInnerHTML={{ __html: draw(CHART_WIDTHS.narrow) }}
      />
      <div
        className="hidden text-slate-700 sm:block [&_[class*=-swatches]]:text-sm! [&_svg]:h-auto [&_svg]:max-w-full"
        data-chart="wide"
        dangerouslySetInnerHTML={{ __html: draw(CHART_WIDTHS.wide) }}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">{tableLabel}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}

const th = "border-b border-slate-200 px-2 py-1 text-left font-medium";
const td = "border-b border-slate-100 px-2 py-1 tabular-nums";

/** The group's numbers: how often it meets, who comes, what it reads. */
export default async function StatsPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, `/groups/${slug}/stats`);
  const group = await getGroupForMember(slug, user.id);
  if (!group) notFound();
  const [rows, t, format, timeZone] = await Promise.all([
    listGroupReadings(group.id),
    getTranslations("stats"),
    getFormatter(),
    getTimeZone(),
  ]);
  const monthOf = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
  const stats = groupStats(
    rows.map((r) => ({ ...r, month: monthOf.format(r.scheduledAt).slice(0, 7) })),
  );
  const monthName = (month: string) =>
    format.dateTime(new Date(`${month}-15T12:00:00Z`), { year: "numeric", month: "short" });

  return (
    <div className="space-y-6" data-wide>
      <div>
        <Link href={`/groups/${group.slug}`} className="text-brand-700 text-sm underline">
          {group.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600" data-testid="stats-totals">
          {stats.meetings === 0
            ? t("empty")
            : t("totals", {
                meetings: stats.meetings,
                readings: stats.readings,
                readers: stats.readers,
              })}
        </p>
      </div>

      {stats.meetings === 0 ? null : (
        <div className="grid gap-6 xl:grid-cols-2">
          <Chart
            id="stats-months"
            title={t("perMonth")}
            tableLabel={t("table")}
            draw={(width) =>
              groupedBars(
                stats.perMonth.flatMap((m) => [
                  { x: monthName(m.month), series: t("meetingsCount"), value: m.meetings },
                  { x: monthName(m.month), series: t("readersCount"), value: m.readers },
                ]),
                { xLabel: t("month"), yLabel: "", width },
              )
            }
            table={
              <table className="min-w-64">
                <thead>
                  <tr>
                    <th className={th}>{t("month")}</th>
                    <th className={th}>{t("meetingsCount")}</th>
                    <th className={th}>{t("readersCount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.perMonth.map((m) => (
                    <tr key={m.month}>
                      <td className={td}>{monthName(m.month)}</td>
                      <td className={td}>{m.meetings}</td>
                      <td className={td}>{m.readers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <Chart
            id="stats-attendance"
            title={t("attendance")}
            tableLabel={t("table")}
            draw={(width) =>
              groupedBars(
                stats.perMeeting.map((m) => ({
                  x: String(m.number),
                  series: t("readersCount"),
                  value: m.readers,
                })),
                { xLabel: t("meeting"), yLabel: "", width },
              )
            }
            table={
              <table className="min-w-64">
                <thead>
                  <tr>
                    <th className={th}>{t("meeting")}</th>
                    <th className={th}>{t("date")}</th>
                    <th className={th}>{t("readersCount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.perMeeting.map((m) => (
                    <tr key={m.number}>
                      <td className={td}>{m.number}</td>
                      <td className={td}>
                        {format.dateTime(m.scheduledAt, { dateStyle: "medium" })}
                      </td>
                      <td className={td}>{m.readers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          {stats.categories.length === 0 ? (
            <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
              <h2 className="text-lg font-semibold">{t("categories")}</h2>
              <p className="mt-2 text-slate-600">{t("noCategories")}</p>
            </section>
          ) : (
            <Chart
              id="stats-categories"
              title={t("categories")}
              tableLabel={t("table")}
              draw={(width) =>
                horizontalBars(
                  stats.categories.map((c) => ({ label: c.category, value: c.papers })),
                  { xLabel: t("papersCount"), width },
                )
              }
              table={
                <table className="min-w-64">
                  <thead>
                    <tr>
                      <th className={th}>{t("categoryName")}</th>
                      <th className={th}>{t("papersCount")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.categories.map((c) => (
                      <tr key={c.category}>
                        <td className={`${td} font-mono`}>{c.category}</td>
                        <td className={td}>{c.papers}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          )}
          <section
            aria-labelledby="stats-suggestions"
            className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
            data-testid="stats-suggestions"
          >
            <h2 id="stats-suggestions" className="text-lg font-semibold">
              {t("suggestions")}
            </h2>
            <p>
              {stats.suggestions.total === 0
                ? t("suggestionsNone")
                : t("suggestionsSummary", {
                    read: stats.suggestions.read.length,
                    total: stats.suggestions.total,
                  })}
            </p>
            {stats.suggestions.read.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {stats.suggestions.read.map((s) => (
                  <li key={`${s.title}-${s.readIn}`}>
                    {s.title}{" "}
                    <span className="text-slate-600">
                      ({t("suggestedIn", { from: s.suggestedIn, to: s.readIn })})
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </div>
      )}
    </div>
  );
}
