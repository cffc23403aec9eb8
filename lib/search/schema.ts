// The archive page's address: its search, filters and page, as zod reads them. A value that does
// not read is dropped (the page says so) rather than failing the page.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { QUERY_MAX } from "./query";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const fields = {
  q: z.string().max(QUERY_MAX * 4),
  reader: idSchema,
  from: day,
  to: day,
  category: z.string().regex(/^[A-Za-z-]{2,20}(\.[A-Za-z-]{1,20})?$/),
  queued: z.literal("1"),
  page: z.coerce.number().int().min(1).max(10_000),
};
type Field = keyof typeof fields;

export type ArchiveQuery = {
  q: string;
  reader: string | null;
  from: string | null;
  to: string | null;
  category: string | null;
  queued: boolean;
  page: number;
  /** Parameters given but not understood. */
  dropped: Field[];
};

export function readArchiveQuery(
  params: Record<string, string | string[] | undefined>,
): ArchiveQuery {
  const dropped: Field[] = [];
  const read = <K extends Field>(key: K): z.output<(typeof fields)[K]> | null => {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") return null;
    const parsed = fields[key].safeParse(value);
    if (parsed.success) return parsed.data as z.output<(typeof fields)[K]>;
    dropped.push(key);
    return null;
  };
  return {
    q: read("q") ?? "",
    reader: read("reader"),
    from: read("from"),
    to: read("to"),
    category: read("category"),
    queued: read("queued") === "1",
    page: read("page") ?? 1,
    dropped,
  };
}
