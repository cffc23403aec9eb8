// A throwaway, migrated database for tests that exercise the data layer: a SQLite file, or a
// fresh PostgreSQL database when the run is on PostgreSQL (DATABASE_URL=postgresql://…).
// Call before importing anything that reads the environment.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

const root = join(__dirname, "..", "..");

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL ?? "";
  const name = `yomikai_unit_${randomBytes(5).toString("hex")}`;
  let url: string;
  let drop: () => Promise<void>;
  if (base.startsWith("postgres")) {
    const admin = new URL(base);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const file = join(tmpdir(), `${name}.db`);
    url = `file:${file}`;
    drop = async () => {
      for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
    };
  }
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "scripts/db.mjs", "deploy"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    },
  );
  process.env.DATABASE_URL = url;
  Object.assign(process.env, {
    NODE_ENV: "test",
    AUTH_SECRET: "unit-test-secret-unit-test-secret-0000",
  });
  return { url, drop };
}
