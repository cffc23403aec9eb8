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
import { zipSync } from "fflate";
import { minutesMarkdown, withImages } from "./build";
import type { ExportFormat } from "./schema";
import { listMeetingImages } from "@/lib/readings/data";
import { extensionOf, imageIdsIn, type ImageType } from "@/lib/readings/images";

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
  if (format === "md" || format === "zenn") {
    // Figures and pasted images go beside the text as files: a .zip of the article and its images
    // (Zenn's repository layout for a Zenn article), a plain .md when there are none.
    const slug = zennSlug(source.groupSlug, source.number, source.scheduledAt);
    const images = await listMeetingImages(
      source.meetingId,
      minutes.readers.flatMap((r) => r.answers.flatMap((a) => imageIdsIn(a.text))),
    );
    const fileOf = new Map(
      images.map((i) => [i.id, `${i.id}.${extensionOf[i.mime as ImageType] ?? "bin"}`]),
    );
    const where = format === "md" ? "images" : `/images/${slug}`;
    const shown = withImages(minutes, (id) =>
      fileOf.has(id) ? `${where}/${fileOf.get(id)}` : null,
    );
    const text =
      format === "md"
        ? minutesMarkdown(shown)
        : zennArticle(shown, {
            topics: zennTopics(source.readers.map((r) => r.paper.primaryCategory)),
            publication: source.zennPublication,
          });
    const file = format === "md" ? `${base}.md` : `${slug}.md`;
    if (images.length === 0) {
      body = text;
      name = file;
    } else {
      const folder = format === "md" ? "images" : `images/${slug}`;
      const zip = zipSync({
        [format === "md" ? file : `articles/${file}`]: new TextEncoder().encode(text),
        ...Object.fromEntries(
          images.map((i) => [`${folder}/${fileOf.get(i.id)}`, new Uint8Array(i.bytes)]),
        ),
      });
      return download(zip, "application/zip", `${format === "md" ? base : slug}.zip`);
    }
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
  return download(body, types[format], name);
}

function download(body: string | Uint8Array, type: string, name: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
