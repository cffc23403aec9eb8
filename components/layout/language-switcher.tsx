"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { locales, type Locale } from "@/lib/i18n/routing";

export function LanguageSwitcher({
  onChange,
}: {
  onChange: (locale: string) => Promise<{ ok: boolean }>;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    startTransition(async () => {
      await onChange(next);
      router.replace(pathname, { locale: next });
      router.refresh();
    });
  }

  return (
    <div
      role="group"
      aria-label={t("nav.language")}
      className="flex rounded-md border border-slate-300 bg-white p-0.5 text-xs"
    >
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          disabled={pending}
          aria-pressed={l === locale}
          onClick={() => l !== locale && choose(l)}
          aria-label={t(`languages.${l}`)}
          className={`min-h-8 rounded px-2 py-1 font-medium ${
            l === locale ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {/* On a phone, the short code keeps the header to one row. */}
          <span aria-hidden className="sm:hidden">
            {l.toUpperCase()}
          </span>
          <span aria-hidden className="hidden sm:inline">
            {t(`languages.${l}`)}
          </span>
        </button>
      ))}
    </div>
  );
}
