import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { SoftLinks } from "@/components/ui/soft-links";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";
import { NavIcon, navIcons } from "./nav-icon";

type Props = {
  /** The page's locale, as the layout has it. */
  locale: string;
  userName: string | null;
  onLocaleChange: (locale: string) => Promise<{ ok: boolean }>;
  signOut: () => Promise<void>;
};

export async function SiteHeader({ locale, userName, onLocaleChange, signOut }: Props) {
  const t = await getTranslations("nav");
  // Plain anchors under one client boundary, as on the group page (components/ui/soft-links.tsx):
  // the header is on every page, so its links cost nothing to render or hydrate.
  const path = (href: string) => getPathname({ href, locale });
  return (
    <header className="border-b border-slate-200 bg-white">
      <SoftLinks className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3 sm:gap-3">
        <a
          href={path(userName ? "/groups" : "/")}
          className="flex items-center gap-2 font-semibold text-slate-900"
          aria-label={t("home")}
        >
          <span
            aria-hidden
            className="bg-brand-600 grid size-8 place-items-center rounded-md text-sm text-white"
          >
            読
          </span>
          <span>Yomikai</span>
        </a>
        <nav aria-label={t("mainNav")} className="flex items-center gap-0.5 text-sm sm:gap-2">
          {userName ? (
            <>
              <a
                href={path("/groups")}
                title={t("groups")}
                className="grid min-h-10 min-w-10 place-items-center rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100"
              >
                <NavIcon d={navIcons.groups} />
                <span className="sr-only sm:not-sr-only">{t("groups")}</span>
              </a>
              <a
                href={path("/profile")}
                title={t("profile")}
                className="grid min-h-10 max-w-40 min-w-10 place-items-center truncate rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100"
              >
                <NavIcon d={navIcons.profile} />
                <span className="sr-only sm:not-sr-only">{t("profile")}</span>
                <span className="sr-only"> ({userName})</span>
              </a>
              <SignOutButton action={signOut} label={t("signOut")} />
            </>
          ) : (
            <>
              <a
                href={path("/sign-in")}
                className="rounded-md px-2 py-2 whitespace-nowrap text-slate-700 hover:bg-slate-100"
              >
                {t("signIn")}
              </a>
              <a
                href={path("/sign-up")}
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-2 font-medium whitespace-nowrap text-white"
              >
                {t("signUp")}
              </a>
            </>
          )}
          <LanguageSwitcher onChange={onLocaleChange} />
        </nav>
      </SoftLinks>
    </header>
  );
}
