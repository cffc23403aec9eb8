// Database commands that work without Prisma's native schema engine: they drive Prisma's
// WebAssembly schema engine through the project's driver adapters, so migrations keep Prisma's
// own format and `_prisma_migrations` table (`prisma migrate deploy` agrees with them).
//
//   node --experimental-wasm-modules scripts/db.mjs deploy          apply pending migrations
//   node --experimental-wasm-modules scripts/db.mjs migrate [name]  write a migration for model changes
//                                                                   (both providers), then deploy
//   node --experimental-wasm-modules scripts/db.mjs check           exit 1 when models and migrations disagree
//
// The database is DATABASE_URL (postgresql://… or file:…), or the SQLite default.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { randomBytes } from "node:crypto";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import Database from "better-sqlite3";
import { writeSchemas } from "./prisma-schemas.mjs";
import { resolveDatabaseUrl } from "./database-url.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The archive's search tables (prisma/*/migrations/*_reading_search) are written by hand and read
// with SQL: the schema engine is told they are not the models' business.
const SEARCH_TABLES = [
  "ReadingSearch",
  "ReadingFts",
  "ReadingFts_data",
  "ReadingFts_idx",
  "ReadingFts_docsize",
  "ReadingFts_config",
];
/** The schema engine wants table names plain on SQLite and schema-qualified on PostgreSQL. */
function filtersFor(provider) {
  return {
    externalTables:
      provider === "postgres" ? SEARCH_TABLES.map((t) => `public.${t}`) : SEARCH_TABLES,
    externalEnums: [],
  };
}

// The schema engine reads catalog columns of Postgres's internal "char" type, which adapter-pg
// refuses to map. They hold one-letter codes, so reading them as text is exact.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const originalAddFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function addFields(fields) {
  for (const field of fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return originalAddFields.call(this, fields);
};

export function providerOf(url) {
  return url.startsWith("postgres") ? "postgres" : "sqlite";
}

// PRISMA_DIR lets the drift test point the commands at a modified copy of prisma/.
const prismaDir = process.env.PRISMA_DIR ?? join(root, "prisma");

function schemaFile(provider) {
  return join(prismaDir, provider, "schema.prisma");
}

function migrationsDir(provider) {
  return join(prismaDir, provider, "migrations");
}

function loadMigrations(provider) {
  const baseDir = migrationsDir(provider);
  const lockPath = join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

function adapterFactory(url) {
  if (providerOf(url) === "postgres") return wholeScripts(new PrismaPg({ connectionString: url }));
  return new PrismaBetterSqlite3({ url });
}

/**
 * adapter-pg runs a migration script by splitting it at every ";", which breaks a function body
 * (`$$ … ; … $$`) apart. PostgreSQL takes a whole script as one simple query, as `prisma migrate`
 * itself sends it: do that instead.
 */
function wholeScripts(factory) {
  const patch = (adapter) => {
    adapter.executeScript = async (script) => {
      try {
        await adapter.client.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

async function openEngine(url) {
  const provider = providerOf(url);
  const schema = readFileSync(schemaFile(provider), "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory(url)),
  );
  return { engine, provider, schema };
}

function ensureSqliteDir(url) {
  if (providerOf(url) !== "sqlite") return;
  const path = url.replace(/^file:/, "");
  if (path !== ":memory:") mkdirSync(dirname(join(root, path)), { recursive: true });
}

async function applyWith({ engine, provider }) {
  const out = await engine.applyMigrations({
    migrationsList: loadMigrations(provider),
    filters: filtersFor(provider),
  });
  return out.appliedMigrationNames;
}

/**
 * For SQLite: whether every committed migration is already applied, read without the schema
 * engine. The engine takes the file's write lock, which a running app may hold; when there is
 * nothing to apply (the usual case for `npm run dev` and `db:seed`), it need not start at all.
 */
function sqliteUpToDate(url) {
  if (providerOf(url) !== "sqlite") return false;
  const file = resolve(root, url.replace(/^file:/, ""));
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true, timeout: 20_000 });
  try {
    const table = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
      )
      .get();
    if (!table) return false;
    const applied = new Set(
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .all()
        .map((r) => r.migration_name),
    );
    return loadMigrations("sqlite").migrationDirectories.every((m) => applied.has(m.path));
  } finally {
    db.close();
  }
}

export async function deploy(url) {
  ensureSqliteDir(url);
  if (sqliteUpToDate(url)) return [];
  const opened = await openEngine(url);
  try {
    return await applyWith(opened);
  } finally {
    opened.engine.free();
  }
}

// Brings the database at `url` to the committed migrations, then returns what the models add
// to it, as a SQL script ("" when nothing). One engine: a second connection would find the
// SQLite file locked.
async function migrateAndDiff(url) {
  const opened = await openEngine(url);
  try {
    await applyWith(opened);
    const files = [{ path: "schema.prisma", content: opened.schema }];
    const result = await opened.engine.diff({
      from: { tag: "schemaDatasource", files, configDir: root },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: filtersFor(opened.provider),
    });
    return result.stdout.includes("This is an empty migration") ? "" : result.stdout;
  } finally {
    opened.engine.free();
  }
}

// Runs fn on a throwaway database of the given provider.
async function withScratchDatabase(provider, fn) {
  if (provider === "sqlite") {
    const file = join(tmpdir(), `yomikai-scratch-${randomBytes(6).toString("hex")}.db`);
    try {
      return await fn(`file:${file}`);
    } finally {
      rmSync(file, { force: true });
    }
  }
  const admin = process.env.SCRATCH_POSTGRES_URL ?? postgresAdminUrl();
  const name = `yomikai_scratch_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

function postgresAdminUrl() {
  const current = process.env.DATABASE_URL;
  if (current && providerOf(current) === "postgres") {
    const url = new URL(current);
    url.pathname = "/postgres";
    return url.toString();
  }
  return "postgresql://postgres@127.0.0.1:5432/postgres";
}

function timestamp() {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function migrate(name) {
  if (!process.env.PRISMA_DIR) writeSchemas();
  const slug = (name || "change")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  const dirName = `${timestamp()}_${slug}`;
  for (const provider of ["sqlite", "postgres"]) {
    const sql = await withScratchDatabase(provider, migrateAndDiff);
    if (!sql) {
      console.log(`${provider}: models and migrations agree; nothing to write.`);
      continue;
    }
    const dir = join(migrationsDir(provider), dirName);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    const lock = join(migrationsDir(provider), "migration_lock.toml");
    if (!existsSync(lock)) {
      writeFileSync(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider === "postgres" ? "postgresql" : "sqlite"}"\n`,
      );
    }
    console.log(`${provider}: wrote prisma/${provider}/migrations/${dirName}/migration.sql`);
  }
}

async function check() {
  const problems = [];
  for (const provider of process.argv.includes("--sqlite-only")
    ? ["sqlite"]
    : ["sqlite", "postgres"]) {
    const sql = await withScratchDatabase(provider, migrateAndDiff);
    if (sql) problems.push(`${provider}: the committed migrations lack:\n${sql}`);
  }
  if (problems.length) {
    console.error(problems.join("\n") + "\nRun `npm run db:migrate -- <name>`.");
    process.exit(1);
  }
  console.log("Models and migrations agree.");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, arg] = process.argv.slice(2);
  try {
    if (command === "deploy") {
      const url = resolveDatabaseUrl(process.env.DATABASE_URL);
      const applied = await deploy(url);
      console.log(
        applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.",
      );
    } else if (command === "migrate") {
      await migrate(arg);
      await deploy(resolveDatabaseUrl(process.env.DATABASE_URL));
    } else if (command === "check") {
      await check();
    } else {
      console.error("usage: db.mjs deploy | migrate [name] | check [--sqlite-only]");
      process.exit(2);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Connection pools would keep the process alive for their idle timeout.
  process.exit(0);
}
