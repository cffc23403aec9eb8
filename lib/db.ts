// The app's one Prisma client, for DATABASE_URL. Only data.ts and mutations.ts import it.
import "server-only";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { env } from "@/lib/env";

export type { Db };

// One client per process (kept across dev hot reloads), created on first use so that building
// the app never needs a database or secrets.
const globalForDb = globalThis as unknown as { yomikaiDb?: Db };

function client(): Db {
  globalForDb.yomikaiDb ??= createPrismaClient(env().databaseUrl);
  return globalForDb.yomikaiDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export { Prisma } from "@/lib/generated/sqlite/client";
export type { Role } from "@/lib/generated/sqlite/enums";
