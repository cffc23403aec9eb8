import "server-only";
import { db } from "@/lib/db";

/** The page baseline's one read: a reading's gist and paper title. */
export async function readBaselineRow(readingId: string) {
  return db.reading.findUnique({
    where: { id: readingId },
    select: { gist: true, paper: { select: { title: true } } },
  });
}
