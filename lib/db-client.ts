// Makes a Prisma client for a database URL, on the driver adapter it names. Used by lib/db.ts
// (the app's one client) and by scripts and tests that need their own; only importer of the
// generated clients. Both share one set of models, so the SQLite client's types serve for both.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

export type Db = SqliteClient;

/**
 * SQLite in write-ahead-log mode: readers never wait for the writer, and a commit is one append.
 * synchronous=NORMAL keeps every commit through a crash of the app; only a power cut can lose the
 * last moments, which suits a zero-setup default (use PostgreSQL in production).
 *
 * Transactions begin IMMEDIATE: they take the write lock up front, waiting up to the busy timeout
 * for another connection (a seed script, a test) to finish. A plain BEGIN starts as a reader, and
 * a reader whose snapshot another connection has written past cannot become a writer: SQLite
 * refuses at once (SQLITE_BUSY_SNAPSHOT, which Prisma reports as a timeout) without waiting.
 */
function sqliteAdapter(url: string, timeoutMs: number) {
  const factory = new PrismaBetterSqlite3({ url, timeout: timeoutMs });
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(
        `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${timeoutMs};`,
      );
      reuseStatements(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** How many distinct statements a connection keeps prepared (the app issues a few dozen). */
const STATEMENTS_KEPT = 500;

type Statement = {
  reader: boolean;
  columns(): unknown[];
  raw(on: boolean): { all(args: unknown[]): unknown[] };
  run(args?: unknown[]): unknown;
};

/**
 * The adapter prepares each query's SQL again on every call (`prepare(sql).bind(args)`), and
 * compiling the statement was the largest single cost of a page's reads. This keeps each SQL
 * text's statement and binds the arguments at each call instead. A statement is used by one call at
 * a time: the driver runs it synchronously to the end (no cursor stays open across calls).
 *
 * It also opens transactions with BEGIN IMMEDIATE where the adapter says BEGIN (see above).
 */
function reuseStatements(adapter: object) {
  const client = (adapter as { client?: { prepare?: (sql: string) => Statement } }).client;
  if (!client?.prepare) throw new Error("The SQLite adapter no longer exposes its connection");
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Statement>();
  const statement = (sql: string) => {
    let stmt = kept.get(sql);
    if (!stmt) {
      stmt = prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
      if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(sql, stmt);
    }
    return stmt;
  };
  // The adapter's calls: prepare(sql).bind(args) then .reader, .columns(), .raw().all() or .run();
  // and prepare("BEGIN").run().
  (client as { prepare: unknown }).prepare = (sql: string) => {
    const stmt = statement(sql);
    return {
      run: () => stmt.run(),
      bind: (args: unknown[]) => ({
        reader: stmt.reader,
        columns: () => stmt.columns(),
        raw: () => ({ all: () => stmt.raw(true).all(args) }),
        run: () => stmt.run(args),
      }),
    };
  };
}

export function createPrismaClient(url: string, { max = 10, timeoutMs = 5000 } = {}): Db {
  if (url.startsWith("postgres")) {
    const adapter = new PrismaPg({ connectionString: url, max });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter: sqliteAdapter(url, timeoutMs) });
}
