// The one Prisma client, on the driver adapter DATABASE_URL names. The only importer of the
// generated clients; both share one set of models, so the SQLite client's types serve for both.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { env } from "@/lib/env";

export type Db = SqliteClient;

/**
 * SQLite in write-ahead-log mode: readers never wait for the writer, and a commit is one append.
 * synchronous=NORMAL keeps every commit through a crash of the app; only a power cut can lose the
 * last moments, which suits a zero-setup default (use PostgreSQL in production).
 */
function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;",
      );
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

function createClient(): Db {
  const { databaseUrl, databaseProvider } = env();
  if (databaseProvider === "postgres") {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter: sqliteAdapter(databaseUrl) });
}

// One client per process (kept across dev hot reloads), created on first use so that building
// the app never needs a database or secrets.
const globalForDb = globalThis as unknown as { yomikaiDb?: Db };

function client(): Db {
  globalForDb.yomikaiDb ??= createClient();
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
