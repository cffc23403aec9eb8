// Limits the browser needs too, without the zod schemas (schema.ts).
export const PAPER_TITLE_MAX = 500;
