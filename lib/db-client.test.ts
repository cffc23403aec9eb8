// SQLite transactions beside another connection (a seed script, a test harness, a backup): a
// transaction that read before someone else wrote must still be able to write.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "./db-client";

const file = join(tmpdir(), `yomikai-tx-${randomBytes(4).toString("hex")}.db`);
afterAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});

/** Another process that writes one row as soon as it can (waiting up to 10 s for the lock). */
function otherConnectionWrites(): Promise<number> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { timeout: 10000 });
    db.prepare("INSERT INTO RateHit (id, key, createdAt) VALUES ('other', 'k', 0)").run();
  `;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
}

describe("SQLite transactions", () => {
  it("take the write lock up front, so another connection's write waits instead of failing them", async () => {
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    setup.exec(`CREATE TABLE RateHit (id TEXT PRIMARY KEY, key TEXT, createdAt INTEGER)`);
    setup.close();

    const db = createPrismaClient(`file:${file}`, { timeoutMs: 10_000 });
    let other: Promise<number> | undefined;
    await db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT COUNT(*) FROM RateHit");
      // Another process writes while this transaction is open, after its read…
      other = otherConnectionWrites();
      await new Promise((r) => setTimeout(r, 300));
      // …and this transaction then writes: with a plain BEGIN, SQLite refuses (BUSY_SNAPSHOT).
      await tx.$executeRawUnsafe(
        "INSERT INTO RateHit (id, key, createdAt) VALUES ('mine', 'k', 0)",
      );
    });
    expect(await other).toBe(0);
    const rows = await db.$queryRawUnsafe<{ id: string }[]>("SELECT id FROM RateHit ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(["mine", "other"]);
    await db.$disconnect();
  });
});

describe("SQLite statements", () => {
  it("are prepared once per SQL text and bound afresh at each call", async () => {
    const own = join(tmpdir(), `yomikai-stmt-${randomBytes(4).toString("hex")}.db`);
    const setup = new Database(own);
    setup.exec(`CREATE TABLE RateHit (id TEXT PRIMARY KEY, key TEXT, createdAt INTEGER)`);
    setup.close();
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const db = createPrismaClient(`file:${own}`);
    try {
      const insert = "INSERT INTO RateHit (id, key, createdAt) VALUES (?, ?, ?)";
      const select = "SELECT id, key, createdAt FROM RateHit WHERE key = ? ORDER BY id";
      for (let i = 0; i < 20; i++) await db.$executeRawUnsafe(insert, `r${i}`, `k${i % 2}`, i);
      const even = await db.$queryRawUnsafe<{ id: string }[]>(select, "k0");
      const odd = await db.$queryRawUnsafe<{ id: string; createdAt: number }[]>(select, "k1");
      expect(even).toHaveLength(10);
      expect(odd).toHaveLength(10);
      expect(odd.every((r) => Number(r.createdAt) % 2 === 1)).toBe(true);
      // A failing statement (duplicate key) leaves its prepared statement usable.
      await expect(db.$executeRawUnsafe(insert, "r0", "k0", 0)).rejects.toThrow();
      await db.$executeRawUnsafe(insert, "r20", "k0", 20);
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(insert, "r21", "k0", 21);
      });
      expect(await db.$queryRawUnsafe<unknown[]>(select, "k0")).toHaveLength(12);
      const texts = prepare.mock.calls.map(([sql]) => sql);
      expect(texts.filter((sql) => sql === insert)).toHaveLength(1);
      expect(texts.filter((sql) => sql === select)).toHaveLength(1);
      expect(texts).toContain("BEGIN IMMEDIATE");
    } finally {
      prepare.mockRestore();
      await db.$disconnect();
      for (const s of ["", "-wal", "-shm"]) rmSync(own + s, { force: true });
    }
  });
});
