// The groups' limits and roles as plain values, for the browser too: importing them does not
// build the zod schemas (schema.ts), which would ship zod to every page that shows a form.
export const READING_MINUTES = { min: 5, max: 180, default: 50 } as const;
export const RECAP_SECONDS = { min: 10, max: 1800, soft: 60, hard: 120 } as const;
export const INVITE_DAYS = [1, 7, 30] as const;
export const roles = ["OWNER", "ADMIN", "MEMBER"] as const;
export type GroupRole = (typeof roles)[number];
