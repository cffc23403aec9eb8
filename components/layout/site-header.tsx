import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = {
  userName: string | null;
  onLocaleChange: (locale: string) => Promise<{ ok: boolean }>;
  signOut: () => Promise<void>;
};

// On a phone the signed-in links show as icons (their names stay for screen readers and
// tooltips), so the header keeps to one row; from the sm breakpoint they show as words.
const icons = {
  groups:
    "M16 19v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM22 19v-1a4 4 0 0 0-3-3.9M16 4.1a3 3 0 0 1 0 5.8",
  profile: "M20 21v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
};

function NavIcon({ d }: { d: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="size-5 sm:hidden"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

export async function SiteHeader({ userName, onLocaleChange, signOut }: Props) {
  const t = await getTranslations("nav");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3 sm:gap-3">
        <Link
          href={userName ? "/groups" : "/"}
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
        </Link>
        <nav aria-label={t("mainNav")} className="flex items-center gap-0.5 text-sm sm:gap-2">
          {userName ? (
            <>
              <Link
                href="/groups"
                title={t("groups")}
                className="grid min-h-10 min-w-10 place-items-center rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100"
              >
                <NavIcon d={icons.groups} />
                <span className="sr-only sm:not-sr-only">{t("groups")}</span>
              </Link>
              <Link
                href="/profile"
                title={t("profile")}
                className="grid min-h-10 max-w-40 min-w-10 place-items-center truncate rounded-md px-2 py-2 text-slate-700 hover:bg-slate-100"
              >
                <NavIcon d={icons.profile} />
                <span className="sr-only sm:not-sr-only">{t("profile")}</span>
                <span className="sr-only"> ({userName})</span>
              </Link>
              <SignOutButton action={signOut} label={t("signOut")} />
            </>
          ) : (
            <>
              <Link
                href="/sign-in"
                className="rounded-md px-2 py-2 whitespace-nowrap text-slate-700 hover:bg-slate-100"
              >
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-2 font-medium whitespace-nowrap text-white"
              >
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitcher onChange={onLocaleChange} />
        </nav>
      </div>
    </header>
  );
}
