// The kinds of caller both authorization matrices (route handlers, server actions) walk.
export const roles = [
  "anonymous",
  "nonMember",
  "removedMember",
  "member",
  "reader",
  "otherReader",
  "facilitator",
  "admin",
  "owner",
] as const;
export type Role = (typeof roles)[number];
