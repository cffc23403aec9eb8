// What the recap shows of each reader: name, paper, gist and the answers they filled in.
import "server-only";
import { db } from "@/lib/db";
import { showPaper, shownPaperSelect } from "@/lib/papers/display";
import { markdownToHtml } from "@/lib/markdown-html";
import { answerKeys } from "@/lib/readings/schema";
import type { RecapSlide } from "./schema";

/** Everything the recap screen shows of each reader. The caller has checked membership. */
export async function listRecapSlides(meetingId: string): Promise<RecapSlide[]> {
  const rows = await db.reading.findMany({
    where: { meetingId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      gist: true,
      whatIsIt: true,
      novelty: true,
      keyTechnique: true,
      validation: true,
      discussion: true,
      nextPapers: true,
      user: { select: { name: true } },
      paperOverrides: true,
      paper: { select: shownPaperSelect },
    },
  });
  return rows.map((r) => ({
    readingId: r.id,
    name: r.user.name,
    paper: showPaper(r.paper, r.paperOverrides),
    gist: r.gist,
    answers: answerKeys
      .filter((key) => r[key].trim() !== "")
      .map((key) => ({ key, text: r[key], html: markdownToHtml(r[key]) })),
  }));
}
