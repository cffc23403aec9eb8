// A group's backup: everything a group made (settings, members, meetings, readings, papers,
// queue) as one JSON file, without ids, password hashes, tokens or sessions. People and papers are
// referred to by keys local to the file, so it imports into another Yomikai. Images quoted in
// answers travel with their reading (base64), and answers refer to them by keys of the file
// ("/api/images/i3"), which an import turns back into the new images' addresses.
import { z } from "zod";
import { answerKeys } from "@/lib/readings/schema";
import { IMAGE_MAX_BYTES, imageTypeOf, imageTypes } from "@/lib/readings/images";

export { BACKUP_MAX_BYTES } from "./limits";
export const BACKUP_VERSION = 1;

const key = z.string().regex(/^[mp]\d{1,6}$/);
export const imageKey = z.string().regex(/^i\d{1,6}$/);
const date = z.iso.datetime();
const text = (max: number) => z.string().max(max);

export const backupSchema = z
  .object({
    kind: z.literal("yomikai-group-backup"),
    version: z.literal(BACKUP_VERSION),
    group: z.object({
      name: text(100).min(1),
      readingMinutes: z.number().int().min(5).max(180),
      recapSoftSeconds: z.number().int().min(10).max(3600),
      recapHardSeconds: z.number().int().min(10).max(3600),
      indexMinutes: z.boolean(),
      zennPublication: z.string().max(64).nullable(),
    }),
    members: z
      .array(
        z.object({
          key,
          name: text(100).min(1),
          email: z.email().max(254),
          role: z.enum(["OWNER", "ADMIN", "MEMBER"]),
          /** Read or facilitated here, and has left the group since. */
          left: z.boolean(),
        }),
      )
      .max(1000),
    papers: z
      .array(
        z.object({
          key,
          title: text(500).min(1),
          authors: z.array(text(300)).max(100),
          year: z.number().int().nullable(),
          venue: text(500).nullable(),
          arxivId: text(40).nullable(),
          arxivVersion: z.number().int().nullable(),
          doi: text(300).nullable(),
          url: text(2000).nullable(),
          codeUrl: text(2000).nullable(),
          abstract: text(10_000).nullable(),
          primaryCategory: text(40).nullable(),
          journalRef: text(500).nullable(),
          publishedAt: date.nullable(),
          source: z.enum(["arxiv", "doi"]).nullable(),
        }),
      )
      .max(20_000),
    meetings: z
      .array(
        z.object({
          number: z.number().int().min(1),
          title: text(200).min(1),
          scheduledAt: date,
          phase: z.enum(["PLANNED", "READING", "RECAP", "CLOSED"]),
          facilitator: key,
          readingStartedAt: date.nullable(),
          recapStartedAt: date.nullable(),
          closedAt: date.nullable(),
          closingRemarks: text(20_000),
          minutesInitials: z.boolean(),
          minutesAtTimeUp: z.boolean(),
          /** Presenters in order, as reader (member) keys. */
          recapOrder: z.array(key).max(1000),
          recapIndex: z.number().int().min(0),
          readings: z
            .array(
              z.object({
                reader: key,
                paper: key,
                paperOverrides: text(20_000).nullable(),
                durationMs: z.number().int().min(0),
                startedAt: date.nullable(),
                pausedAt: date.nullable(),
                pausedMs: z.number().int().min(0),
                finishedAt: date.nullable(),
                timeUpAt: date.nullable(),
                gist: text(20_000),
                answers: z.object(
                  Object.fromEntries(answerKeys.map((k) => [k, text(20_000)])) as Record<
                    (typeof answerKeys)[number],
                    z.ZodString
                  >,
                ),
                timeUpSnapshot: text(200_000).nullable(),
                presentedMs: z.number().int().nullable(),
                // Files written before images were backed up have none.
                images: z
                  .array(
                    z.object({
                      key: imageKey,
                      mime: z.enum(imageTypes),
                      data: z.base64().max(Math.ceil(IMAGE_MAX_BYTES / 3) * 4),
                    }),
                  )
                  .max(500)
                  .default([]),
              }),
            )
            .max(1000),
        }),
      )
      .max(10_000),
    queue: z
      .array(
        z.object({
          paper: key,
          addedBy: key,
          claimedBy: key.nullable(),
          votes: z.array(key).max(1000),
          addedAt: date,
        }),
      )
      .max(10_000),
  })
  .superRefine((b, ctx) => {
    // Every key refers to something in the file.
    const members = new Set(b.members.map((m) => m.key));
    const papers = new Set(b.papers.map((p) => p.key));
    const check = (ok: boolean, path: (string | number)[], what: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path, message: `unknown ${what}` });
    };
    b.meetings.forEach((m, i) => {
      check(members.has(m.facilitator), ["meetings", i, "facilitator"], "member");
      m.recapOrder.forEach((k, j) =>
        check(members.has(k), ["meetings", i, "recapOrder", j], "member"),
      );
      m.readings.forEach((r, j) => {
        check(members.has(r.reader), ["meetings", i, "readings", j, "reader"], "member");
        check(papers.has(r.paper), ["meetings", i, "readings", j, "paper"], "paper");
      });
    });
    b.queue.forEach((q, i) => {
      check(papers.has(q.paper), ["queue", i, "paper"], "paper");
      check(members.has(q.addedBy), ["queue", i, "addedBy"], "member");
      if (q.claimedBy) check(members.has(q.claimedBy), ["queue", i, "claimedBy"], "member");
    });
    // Each image once, and its bytes what its type says.
    const imageKeys = new Set<string>();
    b.meetings.forEach((m, i) =>
      m.readings.forEach((r, j) =>
        r.images.forEach((image, k) => {
          const path = ["meetings", i, "readings", j, "images", k];
          if (imageKeys.has(image.key))
            ctx.addIssue({ code: "custom", path: [...path, "key"], message: "image key repeats" });
          imageKeys.add(image.key);
          if (imageTypeOf(Buffer.from(image.data, "base64")) !== image.mime)
            ctx.addIssue({
              code: "custom",
              path: [...path, "data"],
              message: "not that image type",
            });
        }),
      ),
    );
    const numbers = b.meetings.map((m) => m.number);
    if (new Set(numbers).size !== numbers.length)
      ctx.addIssue({ code: "custom", path: ["meetings"], message: "meeting numbers repeat" });
  });
export type Backup = z.infer<typeof backupSchema>;

/** Why an import was refused; each is a message under backup.*. */
export const importFailures = ["notEmpty", "invalid", "tooLarge"] as const;
