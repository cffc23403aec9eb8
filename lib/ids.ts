// Ids shared by every noun: row ids as they appear in URLs and forms, and JSON lists of them.
import { z } from "zod";

/** A row id (cuid) from a URL or a form. */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A JSON array of strings stored in a text column (recap order, paper authors); [] when malformed. */
export function parseStringList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
