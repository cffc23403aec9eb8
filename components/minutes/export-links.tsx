import { useTranslations } from "next-intl";

const formats = [
  ["md", "exportMarkdown"],
  ["zenn", "exportZenn"],
  ["bib", "exportBibtex"],
  ["json", "exportJson"],
] as const;

/** Download links for the minutes' four exports; `base` ends with `format=`. */
export function ExportLinks({ base }: { base: string }) {
  const t = useTranslations("minutes");
  return (
    <ul className="flex flex-wrap gap-2 text-sm" data-testid="exports">
      {formats.map(([format, label]) => (
        <li key={format}>
          <a
            href={`${base}${format}`}
            download
            className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            {t(label)}
          </a>
        </li>
      ))}
    </ul>
  );
}
