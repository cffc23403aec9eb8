import "server-only";
import { db } from "@/lib/db";

/** The benchmark's baseline: one row written, nothing else. */
export async function writeBaselineRow(readingId: string, text: string): Promise<void> {
  await db.reading.update({ where: { id: readingId }, data: { gist: text }, select: { id: true } });
}
