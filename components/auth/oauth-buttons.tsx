import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export async function OAuthButtons({
  providers,
  action,
  callbackUrl,
}: {
  providers: ("github" | "google")[];
  action: (formData: FormData) => Promise<void>;
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  const t = await getTranslations("auth");
  return (
    <div className="space-y-3">
      <p className="text-center text-xs tracking-wide text-slate-500 uppercase">
        {t("orContinueWith")}
      </p>
      {providers.map((p) => (
        <form key={p} action={action}>
          <input type="hidden" name="provider" value={p} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            {p === "github" ? t("withGithub") : t("withGoogle")}
          </button>
        </form>
      ))}
    </div>
  );
}
