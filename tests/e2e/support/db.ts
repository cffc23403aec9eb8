// Direct database access for test set-up: making users and reading back what the app saved.
import { createPrismaClient, type Db } from "../../../lib/db-client";

let client: Db | undefined;

export function testDb(): Db {
  if (client) return client;
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (playwright.config.ts sets it)");
  client = createPrismaClient(url, { max: 5, timeoutMs: 10_000 });
  return client;
}
