// The minutes as a downloadable file, for members and for the public link alike.
import "server-only";
import { meetingTitle } from "@/lib/meetings/schema";
import { getTimeZone } from "next-intl/server";
import { composeMinutes } from "./compose";
import type { MinutesSource } from "./data";
import {
  MEETING_EXPORT_VERSION,
  meetingExportSchema,
  toBibtex,
  zennArticle,
  zennSlug,
  zennTopics,
  type MeetingExport,
} from "./formats";
import { minutesMarkdown } from "./build";
import type { ExportFormat } from "./schema";

const types: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  zenn: "text/markdown; charset=utf-8",
  bib: "application/x-bibtex; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export async function exportMinutes(
  source: MinutesSource,
  format: ExportFormat,
  locale: string,
  options: { initials: boolean },
): Promise<Response> {
  const minutes = await composeMinutes(source, locale, options);
  const base = `${source.groupSlug}-${source.number}`;
  let body: string;
  let name: string;
  if (format === "md") {
    body = minutesMarkdown(minutes);
    name = `${base}.md`;
  } else if (format === "zenn") {
    body = zennArticle(minutes, {
      topics: zennTopics(source.readers.map((r) => r.paper.primaryCategory)),
      publication: source.zennPublication,
    });
    name = `${zennSlug(source.groupSlug, source.number, source.scheduledAt)}.md`;
  } else if (format === "bib") {
    body = toBibtex(minutes.references.map((r) => r.paper));
    name = `${base}.bib`;
  } else {
    const data: MeetingExport = {
      version: MEETING_EXPORT_VERSION,
      meeting: {
        group: source.groupName,
        number: source.number,
        // The title it was given, or the one made from its date in the export's language.
        title: meetingTitle(source, locale, await getTimeZone()),
        scheduledAt: source.scheduledAt.toISOString(),
        participants: source.readers.length,
      },
      readings: source.readers.map((r, i) => ({
        reader: minutes.readers[i]!.name,
        reference: minutes.readers[i]!.ref,
        paper: {
          title: r.paper.title,
          authors: r.paper.authors,
          year: r.paper.year,
          venue: r.paper.venue,
          arxivId: r.paper.arxivId,
          doi: r.paper.doi,
          url: r.paper.url,
          codeUrl: r.paper.codeUrl,
          primaryCategory: r.paper.primaryCategory,
        },
        gist: r.gist,
        answers: Object.fromEntries(
          r.answers.map((a) => [a.key, a.text]),
        ) as MeetingExport["readings"][number]["answers"],
        startedAt: r.startedAt?.toISOString() ?? null,
        finishedAt: r.finishedAt?.toISOString() ?? null,
        timeUpAt: r.timeUpAt?.toISOString() ?? null,
        durationMs: r.durationMs,
        presentedMs: r.presentedMs,
      })),
      closingRemarks: source.remarks,
      references: minutes.references.map((r) => ({ n: r.n, text: r.text })),
    };
    body = JSON.stringify(meetingExportSchema.parse(data), null, 2) + "\n";
    name = `${base}.json`;
  }
  return new Response(body, {
    headers: {
      "Content-Type": types[format],
      "Content-Disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
