import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { buttonClass } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, user] = await Promise.all([getTranslations("home"), getSessionUser()]);
  const steps = [
    ["stepRead", "stepReadText", "50:00"],
    ["stepWrite", "stepWriteText", "6"],
    ["stepPresent", "stepPresentText", "2:00"],
  ] as const;
  return (
    <div className="space-y-12 py-6">
      <section className="max-w-2xl space-y-5">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {t("tagline")}
        </h1>
        <p className="text-lg leading-relaxed text-slate-700">{t("intro")}</p>
        <div className="flex flex-wrap gap-3">
          {user ? (
            <Link href="/groups" className={buttonClass("primary")}>
              {t("openGroups")}
            </Link>
          ) : (
            <>
              <Link href="/sign-up" className={buttonClass("primary")}>
                {t("getStarted")}
              </Link>
              <Link href="/sign-in" className={buttonClass("secondary")}>
                {t("haveAccount")}
              </Link>
            </>
          )}
        </div>
      </section>
      <ol className="grid gap-4 sm:grid-cols-3">
        {steps.map(([title, text, badge]) => (
          <li key={title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <p className="text-brand-700 font-mono text-2xl font-semibold">{badge}</p>
            <h2 className="mt-2 font-semibold">{t(title)}</h2>
            <p className="mt-1 text-sm leading-relaxed text-slate-600">{t(text)}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
