// Direct database access for test set-up: making users and reading back what the app saved.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../../lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../../lib/generated/postgres/client";

let client: SqliteClient | undefined;

export function testDb(): SqliteClient {
  if (client) return client;
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (playwright.config.ts sets it)");
  client = url.startsWith("postgres")
    ? (new PostgresClient({
        adapter: new PrismaPg({ connectionString: url }),
      }) as unknown as SqliteClient)
    : new SqliteClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) });
  return client;
}
