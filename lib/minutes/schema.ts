// Minutes: publishing, options, closing remarks and exports — inputs and refusals.
import { z } from "zod";
import { idSchema } from "@/lib/ids";

/** Why a minutes change was refused; each is a message under minutes.*. */
export const minutesFailures = ["forbidden", "wrongPhase"] as const;

/** A public link's token: 32 base64url characters (192 random bits). */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

export const exportFormats = ["md", "zenn", "bib", "json"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportQuerySchema = z.object({
  format: z.enum(exportFormats),
  locale: z.enum(["ja", "en"]).default("ja"),
});

export const minutesOptionsSchema = z.object({
  initials: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
  atTimeUp: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export const REMARKS_MAX = 20_000;

export const remarksSaveSchema = z
  .object({
    text: z.string().max(REMARKS_MAX),
    /** The version and text the edit started from, for merging with someone else's edit. */
    baseVersion: z.number().int().min(0),
    baseText: z.string().max(REMARKS_MAX),
  })
  .strict();

export { isRemarksAnswer, type RemarksAnswer } from "./remarks-answer";

export const meetingIdParams = z.object({ meetingId: idSchema });
